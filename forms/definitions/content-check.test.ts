/**
 * Content checks for the shipped QuickScan definition(s): beyond schema validity, the question
 * set must be complete enough to be used and cited (see the domain brief, sections 3 and 4).
 */
import { describe, expect, it } from 'vitest';
import { formatDefinitionErrors, quickScanDefinitionSchema, validateDefinition } from '../schema';
import zeeland100 from './zeeland-quickscan/1.0.0.json';

const FRAMEWORKS = ['r-ladder', 'iso-20887', 'levels', 'disassembly-factors', 'shearing-layers', 'hnn', 'cb23', 'mpg'];

describe('zeeland-quickscan 1.0.0', () => {
  it('is a valid definition', () => {
    const parsed = quickScanDefinitionSchema.safeParse(zeeland100);
    const result = validateDefinition(zeeland100);
    if (!result.ok) console.error(formatDefinitionErrors(result.errors));
    expect(result.ok).toBe(true);
    expect(parsed.success).toBe(true);
  });

  const def = zeeland100;

  it('has its identity and at least 36 questions over at least 8 themes, 4 or more each', () => {
    expect([def.id, def.version]).toEqual(['zeeland-quickscan', '1.0.0']);
    expect(def.themes.length).toBeGreaterThanOrEqual(8);
    expect(def.questions.length).toBeGreaterThanOrEqual(36);
    for (const theme of def.themes) {
      expect(def.questions.filter((q) => q.theme === theme.id).length, `theme ${theme.id}`).toBeGreaterThanOrEqual(4);
    }
  });

  it('cites the public frameworks, and every question cites at least one with a locator', () => {
    const ids = def.sources.map((s) => s.id);
    for (const f of FRAMEWORKS) expect(ids).toContain(f);
    for (const q of def.questions) {
      expect(q.sources.length, q.id).toBeGreaterThan(0);
      for (const ref of q.sources) {
        expect(ids, q.id).toContain(ref.source);
        expect(ref.locator.trim(), q.id).not.toBe('');
      }
    }
  });

  it('has five levels l0..l4 per question, from 0 points and zero extra cost, strictly increasing', () => {
    for (const q of def.questions) {
      expect(q.levels.map((l) => l.id), q.id).toEqual(['l0', 'l1', 'l2', 'l3', 'l4']);
      const [conventional, ...better] = q.levels;
      expect(conventional?.points, q.id).toBe(0);
      expect([conventional?.cost.low, conventional?.cost.high], q.id).toEqual([0, 0]);
      let previousPoints = conventional?.points ?? 0;
      for (const level of better) {
        expect(level.points, `${q.id}.${level.id}`).toBeGreaterThan(previousPoints);
        expect(level.evidence.length, `${q.id}.${level.id} evidence`).toBeGreaterThan(0);
        previousPoints = level.points;
      }
    }
  });

  it('is complete in Dutch and English', () => {
    const texts: { where: string; nl: string; en: string }[] = [];
    const add = (where: string, t: { nl: string; en: string }) => texts.push({ where, ...t });
    add('title', def.title);
    add('description', def.description);
    def.sources.forEach((s) => add(`source ${s.id}`, s.citation));
    def.themes.forEach((t) => {
      add(`theme ${t.id}`, t.title);
      add(`theme ${t.id}`, t.description);
    });
    def.labels.forEach((l) => add(`label ${l.id}`, l.name));
    for (const q of def.questions) {
      add(q.id, q.title);
      add(q.id, q.help);
      for (const l of q.levels) {
        add(`${q.id}.${l.id}`, l.label);
        add(`${q.id}.${l.id}`, l.help);
        l.evidence.forEach((e) => add(`${q.id}.${l.id} evidence`, e));
      }
    }
    for (const t of texts) {
      expect(t.nl.trim(), t.where).not.toBe('');
      expect(t.en.trim(), t.where).not.toBe('');
    }
  });

  it('keeps questions on the existing building out of new builds, and labels ascending', () => {
    const existingOnly = def.questions.filter((q) => q.theme === 'A' && !q.appliesTo.includes('new_build'));
    expect(existingOnly.length).toBeGreaterThanOrEqual(2);
    const totals = def.labels.map((l) => l.minTotal);
    expect([...totals].sort((a, b) => a - b)).toEqual(totals);
    expect(def.labels.map((l) => l.id)).toEqual(['bronze', 'silver', 'gold', 'platinum']);
  });
});
