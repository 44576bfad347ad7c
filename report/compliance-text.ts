/**
 * The words for what a scan misses of a tender requirement profile (scoring/compliance.ts
 * returns the gaps as codes and values): one text per gap, in Dutch or English, used by the app
 * (compliance panel, tender screen), the verification messages (report/verify.ts) and the
 * command line. Levels are shown by their number and name ("2 · Technische opname",
 * docs/glossary.md), never by their internal id.
 */
import type { QuickScanDefinition } from '../forms/schema';
import type { ComplianceGap } from '../scoring/compliance';
import { formatScore } from './format';
import { labelText, levelText, themeText } from './names';

export { labelText, levelText, themeText };

type Locale = 'nl' | 'en';

/**
 * One line for a gap: `label Zilver vereist, behaald: Brons`, `thema F Informatie: 25,0,
 * minimaal 30 vereist`, `eis C1: vereist minimaal niveau 2 · Gemengd — antwoord: 1 · Chemisch`.
 * Without the definition, ids stand in for names.
 */
export function complianceGapText(gap: ComplianceGap, locale: Locale, definition?: QuickScanDefinition): string {
  const nl = locale === 'nl';
  const label = (id: string | null) => (id === null ? (nl ? 'geen' : 'none') : labelText(definition, id, locale));
  switch (gap.kind) {
    case 'no-score':
      return nl ? 'geen score: geen enkele vraag is van toepassing' : 'no score: no question applies';
    case 'label':
      return nl ? `label ${label(gap.required)} vereist, behaald: ${label(gap.reached)}` : `label ${label(gap.required)} required, reached: ${label(gap.reached)}`;
    case 'theme': {
      const theme = themeText(definition, gap.theme, locale);
      return nl
        ? `thema ${theme}: ${formatScore(gap.has, locale)}, minimaal ${gap.required} vereist`
        : `theme ${theme}: ${formatScore(gap.has, locale)}, at least ${gap.required} required`;
    }
    case 'must-have': {
      const required = levelText(definition, gap.question, gap.requiredLevel, locale);
      const current =
        gap.status === 'unanswered'
          ? nl ? 'niet beantwoord' : 'unanswered'
          : gap.status === 'not-applicable'
            ? nl ? 'niet van toepassing' : 'not applicable'
            : levelText(definition, gap.question, gap.currentLevel!, locale);
      return nl
        ? `eis ${gap.question}: vereist minimaal niveau ${required} — antwoord: ${current}`
        : `must-have ${gap.question}: required at least level ${required} — answer: ${current}`;
    }
  }
}
