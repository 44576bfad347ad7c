import { describe, expect, it } from 'vitest';
import { getDefinition } from '../forms/registry';
import { complianceGapText } from './compliance-text';
import { levelText } from './names';

const def = getDefinition('zeeland-quickscan', '1.0.0')!.definition;

describe('complianceGapText', () => {
  it('names levels by number and name, labels and themes by name, in Dutch and English', () => {
    const mustHave = { kind: 'must-have', question: 'C1', requiredLevel: 'l2', currentLevel: 'l1', status: 'below' } as const;
    expect(complianceGapText(mustHave, 'nl', def)).toBe('eis C1: vereist minimaal niveau 2 · Gemengd, overwegend mechanisch — antwoord: 1 · Chemisch, met enkele mechanische lagen');
    expect(complianceGapText(mustHave, 'en', def)).toBe('must-have C1: required at least level 2 · Mixed, mainly mechanical — answer: 1 · Chemical, with some mechanical layers');
    expect(complianceGapText({ ...mustHave, currentLevel: null, status: 'not-applicable' }, 'nl', def)).toMatch(/antwoord: niet van toepassing$/);
    expect(complianceGapText({ ...mustHave, currentLevel: null, status: 'unanswered' }, 'en', def)).toMatch(/answer: unanswered$/);
    expect(complianceGapText({ kind: 'theme', theme: 'F', required: 30, has: 25 }, 'nl', def)).toBe('thema F Informatie: 25,0, minimaal 30 vereist');
    expect(complianceGapText({ kind: 'theme', theme: 'F', required: 30, has: 25 }, 'en', def)).toBe('theme F Information: 25.0, at least 30 required');
    expect(complianceGapText({ kind: 'label', required: 'silver', reached: null }, 'nl', def)).toBe('label Zilver vereist, behaald: geen');
    expect(complianceGapText({ kind: 'label', required: 'silver', reached: 'bronze' }, 'en', def)).toBe('label Silver required, reached: Bronze');
    expect(complianceGapText({ kind: 'no-score' }, 'en', def)).toBe('no score: no question applies');
  });

  it('without the definition, ids stand in for names', () => {
    expect(complianceGapText({ kind: 'label', required: 'silver', reached: 'bronze' }, 'en')).toBe('label silver required, reached: bronze');
    expect(levelText(undefined, 'C1', 'l2', 'nl')).toBe('l2');
    expect(levelText(def, 'C1', 'l0', 'en')).toMatch(/^0 · /);
  });
});
