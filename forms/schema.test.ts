import { describe, expect, expectTypeOf, it } from 'vitest';
import mini from './fixtures/mini-definition.json';
import {
  crossFieldIssues,
  formatDefinitionErrors,
  hasAtMostTwoDecimals,
  projectKinds,
  quickScanDefinitionSchema,
  renderPath,
  validateDefinition,
  type AnswerLevel,
  type CostIndication,
  type DefinitionError,
  type LabelLevel,
  type LocalizedText,
  type ProjectKind,
  type Question,
  type QuickScanDefinition,
  type Source,
  type SourceRef,
  type Theme,
} from './schema';
import { definitionErrorText } from '../report/input-strings';

/** An error as the English surfaces word it. */
const text = (e: DefinitionError) => definitionErrorText(e, 'en');

/* eslint-disable @typescript-eslint/no-explicit-any -- tests poke at untyped JSON on purpose */

/** A fresh, mutable copy of the fixture. */
function fixture(): any {
  return structuredClone(mini);
}

/** Validates a modified copy of the fixture and returns its errors (failing if it was valid). */
function errorsOf(change: (d: any) => void): DefinitionError[] {
  const d = fixture();
  change(d);
  const result = validateDefinition(d);
  if (result.ok) throw new Error('expected the definition to be invalid');
  return result.errors;
}

/** The single error message of a modified fixture. */
function onlyError(change: (d: any) => void): string {
  const errors = errorsOf(change);
  expect(errors.map((e) => text(e))).toHaveLength(1);
  return text(errors[0]!);
}

describe('the fixture definition', () => {
  it('is valid, and the parsed value equals the JSON', () => {
    const result = validateDefinition(mini);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.definition).toEqual(mini);
    expect(quickScanDefinitionSchema.parse(mini)).toEqual(mini);
  });

  it('does not mutate its input', () => {
    const d = fixture();
    const before = JSON.stringify(d);
    validateDefinition(d);
    expect(JSON.stringify(d)).toBe(before);
  });
});

describe('types', () => {
  it('infers the contract types', () => {
    const result = validateDefinition(mini);
    if (!result.ok) throw new Error('fixture invalid');
    const def = result.definition;
    expectTypeOf(def).toEqualTypeOf<QuickScanDefinition>();
    expectTypeOf(def.format).toEqualTypeOf<'quickscan-definition'>();
    expectTypeOf(def.formatVersion).toEqualTypeOf<1>();
    expectTypeOf(def.title).toEqualTypeOf<LocalizedText>();
    expectTypeOf<LocalizedText>().toEqualTypeOf<{ nl: string; en: string }>();
    expectTypeOf<ProjectKind>().toEqualTypeOf<'new_build' | 'renovation' | 'extension'>();
    expectTypeOf<CostIndication>().toEqualTypeOf<{ basis: 'per_m2_gfa' | 'lump_sum'; low: number; high: number }>();
    expectTypeOf<SourceRef>().toEqualTypeOf<{ source: string; locator: string }>();
    expectTypeOf<Source['url']>().toEqualTypeOf<string | undefined>();
    expectTypeOf(def.themes).toEqualTypeOf<Theme[]>();
    expectTypeOf(def.questions).toEqualTypeOf<Question[]>();
    expectTypeOf(def.labels).toEqualTypeOf<LabelLevel[]>();
    expectTypeOf<Question['levels']>().toEqualTypeOf<AnswerLevel[]>();
    expectTypeOf<Question['appliesTo']>().toEqualTypeOf<ProjectKind[]>();
    expectTypeOf<LabelLevel['themeMinimums']>().toEqualTypeOf<Record<string, number> | undefined>();
    expect(projectKinds).toEqual(['new_build', 'renovation', 'extension']);
    expectTypeOf(projectKinds).toEqualTypeOf<readonly ['new_build', 'renovation', 'extension']>();
  });
});

describe('renderPath', () => {
  it('names array items by their id', () => {
    expect(renderPath(['questions', 1, 'levels', 2, 'cost'], mini)).toBe('questions[1] "C1".levels[2] "l3".cost');
    expect(renderPath(['labels', 1, 'themeMinimums', 'C'], mini)).toBe('labels[1] "silver".themeMinimums.C');
    expect(renderPath(['labels', 1, 'themeMinimums', 'a b'], mini)).toBe('labels[1] "silver".themeMinimums["a b"]');
    expect(renderPath([], mini)).toBe('');
    expect(renderPath(['questions', 99, 'id'], mini)).toBe('questions[99].id');
  });
});

describe('structure', () => {
  it('rejects a value that is not an object', () => {
    for (const value of ['hello', null, 42, [], undefined]) {
      const result = validateDefinition(value);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(text(result.errors[0]!)).toMatch(/^method: must be an object/);
    }
  });

  it('reports every missing field of an empty object', () => {
    const result = validateDefinition({});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.path)).toEqual([
      'format', 'formatVersion', 'id', 'version', 'released', 'title', 'description', 'publisher',
      'sources', 'themes', 'questions', 'labels',
    ]);
    expect(text(result.errors[0]!)).toBe('format: is missing');
  });

  it('rejects the wrong format and formatVersion', () => {
    expect(onlyError((d) => (d.format = 'quickscan-scan'))).toBe(
      'format: must be "quickscan-definition", not the text "quickscan-scan"',
    );
    expect(onlyError((d) => (d.formatVersion = 2))).toBe('formatVersion: must be 1, not the number 2');
  });

  it('rejects unknown fields everywhere (strict objects)', () => {
    expect(onlyError((d) => (d.extra = 1))).toBe(
      'extra: unknown field "extra"',
    );
    expect(onlyError((d) => (d.questions[2].levels[1].cost.currency = 'EUR'))).toMatch(
      /^questions\[2\] "C2"\.levels\[1\] "l2"\.cost\.currency: unknown field "currency"/,
    );
    expect(onlyError((d) => (d.themes[0].title.de = 'Behalten'))).toMatch(/^themes\[0\] "A"\.title\.de: unknown field "de"/);
  });

  it('names a wrong type and the value found', () => {
    expect(onlyError((d) => (d.themes[1].weight = 'heavy'))).toBe(
      'themes[1] "C".weight: must be a number, not the text "heavy"',
    );
    expect(onlyError((d) => (d.questions[0].allowNotApplicable = 'yes'))).toBe(
      'questions[0] "A1".allowNotApplicable: must be true or false, not the text "yes"',
    );
  });

  it('requires at least one source, theme and question, and two levels', () => {
    expect(errorsOf((d) => (d.questions[1].levels = [d.questions[1].levels[0]])).map((e) => text(e))).toContain(
      'questions[1] "C1".levels: needs at least 2 items',
    );
    expect(errorsOf((d) => (d.questions[1].sources = [])).map((e) => text(e))).toContain(
      'questions[1] "C1".sources: needs at least 1 item',
    );
    expect(errorsOf((d) => (d.questions[1].appliesTo = [])).map((e) => text(e))).toContain(
      'questions[1] "C1".appliesTo: needs at least 1 item',
    );
    const emptied = errorsOf((d) => {
      d.sources = [];
      d.themes = [];
      d.questions = [];
    }).map((e) => text(e));
    expect(emptied).toEqual(
      expect.arrayContaining([
        'sources: needs at least 1 item',
        'themes: needs at least 1 item',
        'questions: needs at least 1 item',
      ]),
    );
  });

  it('accepts an empty evidence list and a missing url, rejects a non-http url', () => {
    expect(validateDefinition(fixture()).ok).toBe(true);
    expect(onlyError((d) => (d.sources[1].url = 'ftp://example.org/x'))).toBe(
      'sources[1] "levels".url: must be an http(s) address',
    );
    expect(onlyError((d) => (d.sources[1].url = 'not a url'))).toBe(
      'sources[1] "levels".url: must be an http(s) address',
    );
  });

  it('rejects an unknown project kind', () => {
    expect(onlyError((d) => (d.questions[1].appliesTo = ['new_build', 'demolition']))).toBe(
      'questions[1] "C1".appliesTo[1]: must be "new_build" or "renovation" or "extension", not the text "demolition"',
    );
  });
});

describe('ids', () => {
  it('requires a kebab-case definition id', () => {
    for (const bad of ['Zeeland', 'zeeland_quickscan', 'zeeland--x', '-x', '']) {
      expect(onlyError((d) => (d.id = bad))).toMatch(/^id: must be kebab-case/);
    }
  });

  it('requires simple ids for themes, questions, levels, sources and labels', () => {
    expect(onlyError((d) => (d.questions[0].levels[0].id = 'level 0'))).toMatch(
      /^questions\[0\] "A1"\.levels\[0\] "level 0"\.id: must be 1-64 letters, digits/,
    );
    // An id like "__proto__" could be abused as a key of the answers record.
    expect(text(errorsOf((d) => (d.questions[0].id = '__proto__'))[0]!)).toMatch(/^questions\[0\] "__proto__"\.id: must be 1-64 letters/);
  });

  it.each([
    ['themes', (d: any) => (d.themes[1].id = 'A'), 'themes[1] "A".id: duplicate theme id "A" (also used at themes[0])'],
    ['questions', (d: any) => (d.questions[2].id = 'C1'), 'questions[2] "C1".id: duplicate question id "C1" (also used at questions[1])'],
    ['levels', (d: any) => (d.questions[1].levels[2].id = 'l1'), 'questions[1] "C1".levels[2] "l1".id: duplicate level id "l1" (also used at levels[1])'],
    ['sources', (d: any) => (d.sources[1].id = 'iso20887'), 'sources[1] "iso20887".id: duplicate source id "iso20887" (also used at sources[0])'],
    ['labels', (d: any) => (d.labels[2].id = 'bronze'), 'labels[2] "bronze".id: duplicate label id "bronze" (also used at labels[0])'],
  ])('rejects duplicate %s ids', (_what, change, message) => {
    expect(errorsOf(change).map((e) => text(e))).toContain(message);
  });

  it('allows the same level id in different questions', () => {
    expect(fixture().questions.map((q: any) => q.levels[0].id)).toEqual(['l0', 'l0', 'l0']);
    expect(validateDefinition(fixture()).ok).toBe(true);
  });
});

describe('references', () => {
  it('rejects a question in an unknown theme', () => {
    expect(errorsOf((d) => (d.questions[0].theme = 'Z')).map((e) => text(e))).toEqual([
      'questions[0] "A1".theme: unknown theme "Z" (themes are: A, C)',
      'themes[0] "A": theme "A" has no questions',
    ]);
    expect(onlyError((d) => (d.questions[1].theme = 'Z'))).toBe(
      'questions[1] "C1".theme: unknown theme "Z" (themes are: A, C)',
    );
  });

  it('rejects a reference to an unknown source', () => {
    expect(onlyError((d) => (d.questions[2].sources[1].source = 'brand'))).toBe(
      'questions[2] "C2".sources[1].source: unknown source "brand"',
    );
  });

  it('rejects a theme without questions', () => {
    const messages = errorsOf((d) => (d.questions[0].theme = 'C')).map((e) => text(e));
    expect(messages).toEqual(['themes[0] "A": theme "A" has no questions']);
  });

  it('rejects a project kind listed twice', () => {
    expect(onlyError((d) => (d.questions[1].appliesTo = ['new_build', 'new_build']))).toBe(
      'questions[1] "C1".appliesTo[1]: "new_build" is listed twice',
    );
  });

  it('rejects themeMinimums naming an unknown theme', () => {
    expect(onlyError((d) => (d.labels[1].themeMinimums = { C: 40, X: 10 }))).toBe(
      'labels[1] "silver".themeMinimums.X: unknown theme "X" (themes are: A, C)',
    );
  });
});

describe('texts', () => {
  it.each(['', '   ', '\n\t'])('rejects a blank translation %j', (blank) => {
    expect(onlyError((d) => (d.questions[0].title.en = blank))).toBe(
      'questions[0] "A1".title.en: must not be empty',
    );
    expect(onlyError((d) => (d.questions[1].levels[2].evidence[1].nl = blank))).toBe(
      'questions[1] "C1".levels[2] "l3".evidence[1].nl: must not be empty',
    );
  });

  it('rejects a missing translation', () => {
    expect(onlyError((d) => delete d.themes[1].description.nl)).toBe('themes[1] "C".description.nl: is missing');
  });

  it('rejects a blank publisher, source title and locator', () => {
    expect(onlyError((d) => (d.publisher = ' '))).toBe('publisher: must not be empty');
    expect(onlyError((d) => (d.sources[0].title = ''))).toBe('sources[0] "iso20887".title: must not be empty');
    expect(onlyError((d) => (d.questions[1].sources[0].locator = ''))).toBe(
      'questions[1] "C1".sources[0].locator: must not be empty',
    );
  });
});

describe('costs', () => {
  it('rejects low greater than high, naming question and level', () => {
    expect(
      onlyError((d) => {
        d.questions[1].levels[2].cost.low = 12;
        d.questions[1].levels[2].cost.high = 8;
      }),
    ).toBe('questions[1] "C1".levels[2] "l3".cost: cost low (12) is greater than high (8)');
  });

  it('accepts low equal to high and negative costs (savings)', () => {
    const d = fixture();
    d.questions[1].levels[2].cost = { basis: 'lump_sum', low: -7.5, high: -7.5 };
    expect(validateDefinition(d).ok).toBe(true);
  });

  it.each([0.001, 1.005, 12.345, 1e-7])('rejects more than 2 decimals (%s)', (value) => {
    expect(onlyError((d) => (d.questions[2].levels[1].cost.low = value))).toBe(
      `questions[2] "C2".levels[1] "l2".cost.low: must have at most 2 decimals (whole cents), not the number ${value}`,
    );
  });

  it.each([0, 1, -1, 0.1, 0.07, 1.1, 4000.5, 9.99, -20.55, 123456.78])('accepts %s', (value) => {
    expect(hasAtMostTwoDecimals(value)).toBe(true);
    const d = fixture();
    d.questions[2].levels[1].cost = { basis: 'lump_sum', low: value, high: value };
    expect(validateDefinition(d).ok).toBe(true);
  });

  it('rejects absurdly large amounts and non-finite values', () => {
    expect(onlyError((d) => (d.questions[2].levels[1].cost.high = 1e12))).toMatch(/cost\.high: must be at most 1000000000, not the number 1000000000000/);
    expect(hasAtMostTwoDecimals(Number.NaN)).toBe(false);
    expect(hasAtMostTwoDecimals(Number.POSITIVE_INFINITY)).toBe(false);
  });

  it('rejects an unknown cost basis', () => {
    expect(onlyError((d) => (d.questions[2].levels[1].cost.basis = 'per_m2'))).toMatch(
      /^questions\[2\] "C2"\.levels\[1\] "l2"\.cost\.basis: must be "per_m2_gfa" or "lump_sum"/,
    );
  });
});

describe('points and weights', () => {
  it('rejects non-integer and negative points', () => {
    expect(onlyError((d) => (d.questions[0].levels[1].points = 1.5))).toBe(
      'questions[0] "A1".levels[1] "l2".points: must be a whole number, not the number 1.5',
    );
    expect(onlyError((d) => (d.questions[0].levels[1].points = -1))).toBe(
      'questions[0] "A1".levels[1] "l2".points: must be at least 0, not the number -1',
    );
  });

  it('rejects a question whose levels all have the same points', () => {
    expect(
      onlyError((d) => {
        for (const level of d.questions[1].levels) level.points = 2;
      }),
    ).toBe('questions[1] "C1".levels: all levels have the same points (2); the question cannot tell answers apart');
  });

  it('accepts levels that share points as long as they differ somewhere', () => {
    const d = fixture();
    d.questions[1].levels[1].points = 0;
    expect(validateDefinition(d).ok).toBe(true);
  });

  it('rejects weights below 1 and non-integer weights', () => {
    expect(onlyError((d) => (d.themes[0].weight = 0))).toBe('themes[0] "A".weight: must be at least 1, not the number 0');
    expect(onlyError((d) => (d.themes[0].weight = -2))).toBe('themes[0] "A".weight: must be at least 1, not the number -2');
    expect(onlyError((d) => (d.themes[0].weight = 1.5))).toBe('themes[0] "A".weight: must be a whole number, not the number 1.5');
  });
});

describe('labels', () => {
  it('rejects labels not ascending in minTotal', () => {
    expect(onlyError((d) => (d.labels[2].minTotal = 40))).toBe(
      'labels[2] "gold".minTotal: labels must be listed from lowest to highest: minTotal 40 is not above 50 of labels[1]',
    );
    expect(onlyError((d) => (d.labels[1].minTotal = 30))).toBe(
      'labels[1] "silver".minTotal: labels must be listed from lowest to highest: minTotal 30 is not above 30 of labels[0]',
    );
  });

  it('rejects thresholds outside 0..100 or not whole', () => {
    expect(onlyError((d) => (d.labels[2].minTotal = 101))).toBe('labels[2] "gold".minTotal: must be at most 100, not the number 101');
    expect(onlyError((d) => (d.labels[0].minPerTheme = -1))).toBe(
      'labels[0] "bronze".minPerTheme: must be at least 0, not the number -1',
    );
    expect(onlyError((d) => (d.labels[0].minPerTheme = 10.5))).toBe(
      'labels[0] "bronze".minPerTheme: must be a whole number, not the number 10.5',
    );
    expect(onlyError((d) => (d.labels[1].themeMinimums.C = 140))).toBe(
      'labels[1] "silver".themeMinimums.C: must be at most 100, not the number 140',
    );
  });

  it('refuses labels that do not nest: a higher label easier on a theme than the one below', () => {
    // gold's general minimum (50) applies to C too; silver asks 40 on C: fine. Lower gold's C.
    expect(onlyError((d) => (d.labels[2].themeMinimums = { C: 35 }))).toBe(
      'labels[2] "gold".themeMinimums.C: labels must nest: the minimum on theme "C" is 35, below 40 of labels[1] "silver" (a higher label can never be easier on any theme)',
    );
    // silver's general minimum falls below bronze's: reported once per theme it affects (A; C has its own 40)
    expect(onlyError((d) => (d.labels[1].minPerTheme = 5))).toBe(
      'labels[1] "silver".minPerTheme: labels must nest: the minimum on theme "A" is 5, below 10 of labels[0] "bronze" (a higher label can never be easier on any theme)',
    );
    // a lower label's override that a higher label's general minimum undercuts
    expect(onlyError((d) => (d.labels[0].themeMinimums = { A: 30 }))).toBe(
      'labels[1] "silver".minPerTheme: labels must nest: the minimum on theme "A" is 25, below 30 of labels[0] "bronze" (a higher label can never be easier on any theme)',
    );
  });

  it('accepts equal minimums from one label to the next', () => {
    const d = fixture();
    d.labels[2].minPerTheme = 25;
    d.labels[2].themeMinimums = { C: 40 };
    expect(validateDefinition(d).ok).toBe(true);
  });

  it('accepts no labels at all', () => {
    const d = fixture();
    d.labels = [];
    expect(validateDefinition(d).ok).toBe(true);
  });
});

describe('version and date', () => {
  it.each(['1.0.0', '0.1.0', '2.10.3', '1.1.0-rc.1', '1.0.0+build.5'])('accepts version %s', (version) => {
    const d = fixture();
    d.version = version;
    expect(validateDefinition(d).ok).toBe(true);
  });

  it.each(['1.0', '01.0.0', 'v1.0.0', '1.0.0.0', '1.0.0-', ''])('rejects version %j', (version) => {
    expect(onlyError((d) => (d.version = version))).toBe(
      `version: must be a semantic version like "1.0.0", not the text ${JSON.stringify(version)}`,
    );
  });

  it.each(['2026-02-30', '2025-02-29', '26-01-15', '15-01-2026', '2026-1-5', '2026-01-15T10:00:00Z'])(
    'rejects release date %j',
    (released) => {
      expect(onlyError((d) => (d.released = released))).toBe(
        `released: must be a real date written YYYY-MM-DD, not the text ${JSON.stringify(released)}`,
      );
    },
  );

  it('accepts a leap day', () => {
    const d = fixture();
    d.released = '2028-02-29';
    expect(validateDefinition(d).ok).toBe(true);
  });
});

describe('all problems at once', () => {
  it('reports structural and cross-field problems together, even after a non-integer', () => {
    const errors = errorsOf((d) => {
      d.questions[0].levels[1].points = 1.5; // zod aborts its own refinements on this one
      d.questions[1].levels[2].cost.low = 12;
      d.questions[1].levels[2].cost.high = 8;
      d.labels[1].themeMinimums.Z = 5;
      d.themes[1].title.nl = '';
      d.version = '1';
    });
    expect(errors.map((e) => text(e))).toEqual(
      expect.arrayContaining([
        'questions[0] "A1".levels[1] "l2".points: must be a whole number, not the number 1.5',
        'questions[1] "C1".levels[2] "l3".cost: cost low (12) is greater than high (8)',
        'labels[1] "silver".themeMinimums.Z: unknown theme "Z" (themes are: A, C)',
        'themes[1] "C".title.nl: must not be empty',
        'version: must be a semantic version like "1.0.0", not the text "1"',
      ]),
    );
    expect(errors).toHaveLength(5);
    for (const e of errors) expect(text(e).startsWith(`${e.path || 'method'}: `)).toBe(true);
    expect(formatDefinitionErrors(errors).split('\n')).toHaveLength(5);
  });

  it('parse() through the schema also reports the cross-field rules, as codes with values', () => {
    const d = fixture();
    d.questions[1].levels[2].cost.low = 12;
    d.questions[1].levels[2].cost.high = 8;
    const result = quickScanDefinitionSchema.safeParse(d);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({
      code: 'custom',
      path: ['questions', 1, 'levels', 2, 'cost'],
      message: 'cost-low-above-high',
      params: { low: 12, high: 8 },
    });
  });

  it('crossFieldIssues copes with garbage', () => {
    for (const value of [null, 1, 'x', [], { questions: 'x' }, { questions: [null, 1, { levels: [null, { cost: 1 }] }] }]) {
      expect(() => crossFieldIssues(value)).not.toThrow();
    }
  });
});
