/**
 * How the surfaces (app, PDF, command line) name a method's levels, labels and themes: by number
 * and name ("2 · Technische opname", docs/glossary.md), never by internal ids such as `l2`.
 */
import type { QuickScanDefinition } from '../forms/schema';

type Locale = 'nl' | 'en';

/** The level of a question by number and name: "2 · Technische opname"; the id when the definition lacks it. */
export function levelText(definition: Pick<QuickScanDefinition, 'questions'> | undefined, questionId: string, levelId: string, locale: Locale): string {
  const q = definition?.questions.find((x) => x.id === questionId);
  const index = q ? q.levels.findIndex((l) => l.id === levelId) : -1;
  return q && index >= 0 ? `${index} · ${q.levels[index]!.label[locale]}` : levelId;
}

/** A label's name in the language; the id when the definition lacks it. */
export function labelText(definition: Pick<QuickScanDefinition, 'labels'> | undefined, labelId: string, locale: Locale): string {
  return definition?.labels.find((l) => l.id === labelId)?.name[locale] ?? labelId;
}

/** A theme as "F Informatie"; the id when the definition lacks it. */
export function themeText(definition: Pick<QuickScanDefinition, 'themes'> | undefined, themeId: string, locale: Locale): string {
  const title = definition?.themes.find((t) => t.id === themeId)?.title[locale];
  return title ? `${themeId} ${title}` : themeId;
}
