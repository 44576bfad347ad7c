/**
 * The `quickscan` commands run in-process through `run(argv, io)`: golden figures against the
 * scoring engine on the example scans, the definition checks, and broken input (exit 2 and one
 * line on standard error, nothing on standard output).
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definitionJsonSchemaText } from '../forms/json-schema';
import { getDefinition } from '../forms/registry';
import { adviceLocks } from '../scoring/advice';
import { optimize } from '../scoring/optimize';
import { parseScanFile, type ScanFile } from '../scoring/scan-file';
import { scoreScan } from '../scoring/score';
import { memoryIo } from './io';
import { run } from './run';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const EXAMPLES = ['new-build-school-goes', 'renovation-office-middelburg', 'holiday-park-veere-na'].map(
  (name) => `docs/examples/${name}.quickscan.json`,
);
const DEFINITION = 'forms/definitions/zeeland-quickscan/1.0.0.json';

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'quickscan-cli-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function cli(args: string[], env: Record<string, string> = { LANG: 'en_GB.UTF-8' }) {
  const io = memoryIo({ env, cwd: root });
  const code = await run(args, io);
  return { code, out: io.out(), err: io.err() };
}

function readJson<T = unknown>(path: string): T {
  return JSON.parse(readFileSync(join(root, path), 'utf8')) as T;
}

/** Writes a file in the temporary folder and returns its absolute path. */
function temp(name: string, content: unknown): string {
  const path = join(tmp, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

function scanCopy(change: (scan: ScanFile) => void): ScanFile {
  const scan = structuredClone(readJson<ScanFile>(EXAMPLES[0]!));
  change(scan);
  return scan;
}

function released() {
  const loaded = getDefinition('zeeland-quickscan', '1.0.0');
  if (!loaded) throw new Error('zeeland-quickscan 1.0.0 is not registered');
  return loaded.definition;
}

/** Exit 2, nothing on standard output, exactly one line on standard error. */
function expectBadInput(r: { code: number; out: string; err: string }, fragment: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.out).toBe('');
  expect(r.err.endsWith('\n')).toBe(true);
  expect(r.err.trimEnd().split('\n')).toHaveLength(1);
  expect(r.err).toMatch(/^quickscan: /);
  expect(r.err).toMatch(fragment);
  expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
}

describe('score: golden figures on the example scans', () => {
  it.each(EXAMPLES)('%s: the total and themes are those of scoreScan', async (path) => {
    const parsed = parseScanFile(readJson(path));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const file = parsed.file;
    const expected = scoreScan(released(), { project: file.project, answers: file.scan.answers, costOverrides: file.scan.costOverrides });

    const r = await cli(['score', path, '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.total.display).toBe(expected.total!.display);
    expect(json.total.exact).toBe(`${expected.total!.exact.num}/${expected.total!.exact.den}`);
    expect(json.method).toEqual({ id: 'zeeland-quickscan', version: '1.0.0', sha256: file.method.sha256, source: 'release' });
    expect(json.themes.map((t: { id: string; display: number | null }) => [t.id, t.display])).toEqual(expected.themes.map((t) => [t.id, t.display]));
    expect(json.themes[0].title).toEqual(released().themes[0]!.title);
    expect(json.label.reached).toBe(expected.label.reached);
    expect(json.label.next?.id ?? null).toBe(expected.label.next?.id ?? null);
    expect(json.unanswered).toBe(expected.unanswered.length);
    expect(json.notApplicable).toBe(expected.notApplicable.length);
    expect(json.cost).toEqual(expected.cost);
    expect(typeof json.budgetCents).toBe('number');

    // the text shows the same total, in English and in Dutch number format
    const en = await cli(['score', path]);
    expect(en.code).toBe(0);
    const total = expected.total!.display.toFixed(1);
    expect(en.out).toMatch(new RegExp(`^Total\\s+${total.replace('.', '\\.')}$`, 'm'));
    const nl = await cli(['score', path, '--lang', 'nl']);
    expect(nl.out).toMatch(new RegExp(`^Totaal\\s+${total.replace('.', ',')}$`, 'm'));
  });

  it('prints the themes first, then total, label, next label, counts, cost and budget', async () => {
    const r = await cli(['score', EXAMPLES[0]!]);
    const lines = r.out.split('\n');
    const at = (re: RegExp) => lines.findIndex((l) => re.test(l));
    const order = [/^\s+A\s+Keep and reduce\s+\d+\.\d\s+\d+\/\d+$/, /^\s+I\s+Process/, /^Total/, /^Label/, /^Next label/, /^Unanswered/, /^Not applicable/, /^Extra cost/, /^Circular budget/].map(at);
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(r.out).toMatch(/Extra cost\s+-€620,600 – €398,000 \(midpoint -€111,300\) for 2,400 m² GFA/);
    expect(r.out).toMatch(/Circular budget\s+€180,000 \(3% of the construction budget of €6,000,000\)/);
  });

  it('uses Dutch number formats in Dutch, by --lang or by LANG', async () => {
    const byLang = await cli(['score', EXAMPLES[2]!], { LANG: 'nl_NL.UTF-8' });
    const byOption = await cli(['score', EXAMPLES[2]!, '--lang', 'nl'], { LANG: 'C' });
    expect(byLang.out).toBe(byOption.out);
    expect(byLang.out).toMatch(/voor 3\.150,75 m² bvo/);
    expect(byLang.out).toMatch(/€ \d{3}\.\d{3}/);
    const english = await cli(['score', EXAMPLES[2]!, '--lang=en'], { LANG: 'nl_NL.UTF-8' });
    expect(english.out).toMatch(/for 3,150\.75 m² GFA/);
  });

  it('counts not-applicable questions (holiday park with NA answers)', async () => {
    const json = JSON.parse((await cli(['score', EXAMPLES[2]!, '--json'])).out);
    expect(json.notApplicable).toBeGreaterThan(0);
    expect(json.notApplicableQuestions).toContain('A1');
  });

  it('scores with a draft definition given with --form, with a warning when it is another version', async () => {
    const draft = readJson<Record<string, unknown>>(DEFINITION);
    draft.version = '1.1.0-draft.1';
    const path = temp('draft.json', draft);
    const r = await cli(['score', EXAMPLES[0]!, '--form', path, '--json']);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^quickscan: warning: .*zeeland-quickscan 1\.1\.0-draft\.1.*zeeland-quickscan 1\.0\.0/);
    const json = JSON.parse(r.out);
    expect(json.method).toMatchObject({ id: 'zeeland-quickscan', version: '1.1.0-draft.1', source: 'draft' });
    const same = JSON.parse((await cli(['score', EXAMPLES[0]!, '--json'])).out);
    expect(json.total).toEqual(same.total);

    const exact = await cli(['score', EXAMPLES[0]!, '--form', DEFINITION]);
    expect(exact.err).toBe('');
    expect(exact.out).toMatch(/draft from --form, sha256 491e9bb46a72…, identical to the release/);
  });
});

describe('score: broken input gives exit 2 and one line', () => {
  it('a missing file, a directory, an empty file, a file that is not UTF-8', async () => {
    expectBadInput(await cli(['score', 'nope/missing.quickscan.json']), /missing\.quickscan\.json: no such file/);
    expectBadInput(await cli(['score', 'docs']), /docs: is a directory/);
    expectBadInput(await cli(['score', temp('empty.json', '')]), /empty/);
    const latin1 = join(tmp, 'latin1.json');
    writeFileSync(latin1, Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d]));
    expectBadInput(await cli(['score', latin1]), /not UTF-8/);
  });

  it('invalid JSON, with line and column', async () => {
    const original = readFileSync(join(root, EXAMPLES[0]!), 'utf8');
    const text = original.replace('"formatVersion": 1,', '"formatVersion": 1,,');
    const line = text.split('\n').findIndex((l) => l.includes(',,')) + 1;
    const col = text.split('\n')[line - 1]!.indexOf(',,') + 2;
    expectBadInput(await cli(['score', temp('broken.json', text)]), new RegExp(`not valid JSON: line ${line}, column ${col}: expected a property name in double quotes but found ","`));
    expectBadInput(await cli(['score', temp('cut.json', original.slice(0, 200))]), /not valid JSON: line \d+, column \d+: unexpected end of the file/);
    expectBadInput(await cli(['score', temp('cut.json', original.slice(0, 200)), '--lang', 'nl']), /geen geldige JSON: regel \d+, kolom \d+/);
  });

  it('a scan file that fails the schema: the first issues with their paths', async () => {
    const scan = scanCopy((s) => {
      (s.project as { gfaM2: number }).gfaM2 = -1;
      (s.scan.answers as Record<string, unknown>).A1 = { level: 7 };
      (s as { format: string }).format = 'something-else';
      (s.project as { kind: string }).kind = 'castle';
    });
    const r = await cli(['score', temp('schema.json', scan)]);
    expectBadInput(r, /not a valid scan file \(\d+ problems\): /);
    expect(r.err).toMatch(/format: /);
    expect(r.err).toMatch(/project\.(gfaM2|kind): /);
    expect(r.err).toMatch(/\(\+\d+\)/);
  });

  it('a bad scan file and a bad method file are worded in the chosen language', async () => {
    const scan = scanCopy((s) => void ((s.project as { gfaM2: unknown }).gfaM2 = 'groot'));
    const en = await cli(['score', temp('gfa.json', scan)]);
    expectBadInput(en, /project\.gfaM2: must be a number, not the text "groot"/);
    const nl = await cli(['score', temp('gfa.json', scan), '--lang', 'nl']);
    expectBadInput(nl, /project\.gfaM2: moet een getal zijn, niet de tekst "groot"/);
    const form = JSON.parse(readFileSync(join(root, 'forms/definitions/zeeland-quickscan/1.0.0.json'), 'utf8')) as { themes: { weight: number }[] };
    form.themes[0]!.weight = 0;
    const formFile = temp('form.json', form);
    const formEn = await cli(['form', 'validate', formFile]);
    expect(formEn.code).toBe(2);
    expect(formEn.out).toMatch(/weight: must be at least 1, not the number 0/);
    const formNl = await cli(['form', 'validate', formFile, '--lang', 'nl']);
    expect(formNl.code).toBe(2);
    expect(formNl.out).toMatch(/weight: moet minstens 1 zijn, niet het getal 0/);
  });

  it('unknown question and level ids (ScanInputError)', async () => {
    const q = scanCopy((s) => void ((s.scan.answers as Record<string, unknown>).Z9 = { level: 'l1' }));
    expectBadInput(await cli(['score', temp('q.json', q)]), /question "Z9", which this version of the method does not have/);
    expectBadInput(await cli(['score', temp('q.json', q), '--lang', 'nl']), /vraag "Z9", die deze versie van de methode niet heeft/);
    const l = scanCopy((s) => void ((s.scan.answers as Record<string, unknown>).A1 = { level: 'l9' }));
    expectBadInput(await cli(['score', temp('l.json', l)]), /"l9"/);
    const locked = scanCopy((s) => void (s.scan.locked = ['Q404']));
    expectBadInput(await cli(['optimize', temp('locked.json', locked)]), /locked question "Q404" does not exist in this version of the method/);
    expectBadInput(await cli(['optimize', temp('locked.json', locked), '--lang', 'nl']), /vergrendelde vraag "Q404" bestaat niet in deze versie van de methode/);
  });

  it('an unknown method version and a method hash that does not match', async () => {
    const v = scanCopy((s) => void (s.method.version = '9.9.9'));
    expectBadInput(await cli(['score', temp('v.json', v)]), /unknown method version: zeeland-quickscan 9\.9\.9 .*known: open-quickscan 1\.0\.0, zeeland-quickscan 1\.0\.0/);
    const h = scanCopy((s) => void (s.method.sha256 = '0'.repeat(64)));
    expectBadInput(await cli(['score', temp('h.json', h)]), /method hash does not match the released definition/);
    expectBadInput(await cli(['optimize', temp('h.json', h)]), /method hash does not match the released definition/);
  });

  it('an invalid --form definition', async () => {
    const bad = readJson<{ questions: { id: string }[] }>(DEFINITION);
    bad.questions[1]!.id = bad.questions[0]!.id;
    expectBadInput(await cli(['score', EXAMPLES[0]!, '--form', temp('bad-form.json', bad)]), /not a valid QuickScan definition \(1 problem\); first: questions\[1\] "A1"\.id: duplicate question id/);
  });

  it('usage errors', async () => {
    expectBadInput(await cli([]), /no command given/);
    expectBadInput(await cli(['scroe', 'x']), /unknown command "scroe"/);
    expectBadInput(await cli(['form']), /form validate, form schema/);
    expectBadInput(await cli(['score']), /missing argument; usage: quickscan score <scan-file>/);
    expectBadInput(await cli(['score', 'a', 'b']), /unexpected argument "b"/);
    expectBadInput(await cli(['score', EXAMPLES[0]!, '--budget', '5']), /unknown option --budget for "score"/);
    expectBadInput(await cli(['score', EXAMPLES[0]!, '--form']), /option --form needs a value/);
    expectBadInput(await cli(['score', EXAMPLES[0]!, '--lang', 'fr']), /unknown language "fr"/);
    expectBadInput(await cli(['score', EXAMPLES[0]!, '--lang']), /option --lang needs a value/);
    expectBadInput(await cli(['score', EXAMPLES[0]!, '--json=yes']), /--json takes no value/);
  });
});

describe('unexpected failures', () => {
  it('are exit 70 with one line in the user\'s language, never the JavaScript message; the stack trace only with QUICKSCAN_DEBUG', async () => {
    for (const debug of [false, true]) {
      for (const lang of ['en', 'nl'] as const) {
        const io = memoryIo({ env: debug ? { QUICKSCAN_DEBUG: '1' } : {}, cwd: root });
        const code = await run(['form', 'schema', '--lang', lang], {
          ...io,
          stdout: () => {
            throw new TypeError("Cannot read properties of undefined (reading 'get')");
          },
        });
        expect(code).toBe(70);
        expect(io.err()).toMatch(lang === 'en' ? /^quickscan: internal error: something went wrong inside quickscan \(this is a bug/m : /^quickscan: interne fout: er ging iets mis in quickscan zelf \(dit is een bug/m);
        if (debug) expect(io.err()).toMatch(/\n\s+at /);
        else {
          expect(io.err().trimEnd().split('\n')).toHaveLength(1);
          expect(io.err()).not.toContain('Cannot read');
        }
      }
    }
  });
});

describe('--help and --version', () => {
  it('every command has help in both languages, exit 0', async () => {
    for (const args of [['--help'], ['form', '--help'], ['form', 'validate', '--help'], ['form', 'schema', '-h'], ['score', '--help'], ['optimize', '--help'], ['verify', '--help']]) {
      for (const lang of ['en', 'nl']) {
        const r = await cli([...args, '--lang', lang]);
        expect(r.code, args.join(' ')).toBe(0);
        expect(r.err).toBe('');
        expect(r.out).toMatch(lang === 'en' ? /Usage: quickscan/ : /Gebruik: quickscan/);
      }
    }
    const general = await cli(['--help']);
    for (const c of ['form validate', 'form schema', 'score', 'optimize', 'verify']) expect(general.out).toContain(`  ${c}`);
    // help wins over other problems on the line
    expect((await cli(['optimize', '--bogus', '--help'])).code).toBe(0);
  });

  it('--version prints the package version', async () => {
    const r = await cli(['--version']);
    expect(r.out.trim()).toBe(readJson<{ version: string }>('package.json').version);
  });
});

describe('form validate and form schema', () => {
  it('accepts the released definition and says it is the known release', async () => {
    const r = await cli(['form', 'validate', DEFINITION]);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/^valid: zeeland-quickscan 1\.0\.0 \(36 questions, 9 themes\) sha256 491e9bb46a72d1de90c799357857bb62ec6f0d2120efd15831b1e6b1d7319687$/m);
    expect(r.out).toMatch(/^known release/m);
    const json = JSON.parse((await cli(['form', 'validate', DEFINITION, '--json'])).out);
    expect(json).toMatchObject({ valid: true, id: 'zeeland-quickscan', version: '1.0.0', questions: 36, themes: 9, release: { status: 'release' } });
  });

  it('says when a valid file is an altered copy of a release, or unknown', async () => {
    const altered = readJson<{ title: { en: string }; version: string }>(DEFINITION);
    altered.title.en = 'Changed';
    const a = await cli(['form', 'validate', temp('altered.json', altered)]);
    expect(a.code).toBe(0);
    expect(a.out).toMatch(/^altered copy of a release: zeeland-quickscan 1\.0\.0 was released with sha256 491e9bb4/m);
    altered.version = '2.0.0';
    const u = await cli(['form', 'validate', temp('unknown.json', altered), '--lang', 'nl']);
    expect(u.code).toBe(0);
    expect(u.out).toMatch(/^geldig: zeeland-quickscan 2\.0\.0 \(36 vragen, 9 thema's\)/m);
    expect(u.out).toMatch(/^onbekend: /m);
  });

  it('rejects a duplicated question id and a cost with low > high, naming the place', async () => {
    const dup = readJson<{ questions: { id: string }[] }>(DEFINITION);
    dup.questions[5]!.id = dup.questions[4]!.id;
    const d = await cli(['form', 'validate', temp('dup.json', dup)]);
    expect(d.code).toBe(2);
    expect(d.out).toMatch(/^invalid: .*dup\.json \(1 problem\)$/m);
    expect(d.out).toMatch(/^ {2}- questions\[5\] "B1"\.id: duplicate question id "B1" \(also used at questions\[4\]\)$/m);
    expect(d.err.trimEnd().split('\n')).toHaveLength(1);

    const cost = readJson<{ questions: { levels: { cost: { low: number; high: number } }[] }[] }>(DEFINITION);
    const c = cost.questions[2]!.levels[3]!.cost;
    c.low = c.high + 100;
    const r = await cli(['form', 'validate', temp('cost.json', cost)]);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/^ {2}- questions\[2\] "A3"\.levels\[3\] "l3"\.cost: cost low \(-?\d+\) is greater than high \(-?\d+\)$/m);

    const json = JSON.parse((await cli(['form', 'validate', temp('cost.json', cost), '--json'])).out);
    expect(json.valid).toBe(false);
    expect(json.errors[0].path).toBe('questions[2] "A3".levels[3] "l3".cost');
    expect(json.errors[0]).toMatchObject({ code: 'cost-low-above-high', params: { low: c.low, high: c.high } });
    expect(json.errors[0].text).toMatch(/: cost low \(-?\d+\) is greater than high/);
    const nl = JSON.parse((await cli(['form', 'validate', temp('cost.json', cost), '--json', '--lang', 'nl'])).out);
    expect(nl.errors[0].text).toMatch(/: de lage raming \(-?\d+\) is hoger dan de hoge/);
  });

  it('reports invalid JSON with line and column, and a missing file', async () => {
    const r = await cli(['form', 'validate', temp('def.json', '{\n  "id": "x",\n  "version" "1.0.0"\n}')]);
    expectBadInput(r, /def\.json: not valid JSON: line 3, column 13: expected ":" but found "\\"/);
    expectBadInput(await cli(['form', 'validate', 'missing.json']), /missing\.json: no such file/);
  });

  it('form schema prints the committed JSON Schema', async () => {
    const r = await cli(['form', 'schema']);
    expect(r.code).toBe(0);
    expect(r.out).toBe(definitionJsonSchemaText());
    expect(r.out).toBe(readFileSync(join(root, 'forms/quickscan-definition.schema.json'), 'utf8'));
    expect((await cli(['form', 'schema', '--json'])).out).toBe(r.out);
    expectBadInput(await cli(['form', 'schema', 'extra']), /unexpected argument "extra"/);
  });
});

describe('optimize', () => {
  function engine(path: string, options: { prudent?: boolean; budgetCents?: number } = {}, allowBrief = false) {
    const parsed = parseScanFile(readJson(path));
    if (!parsed.ok) throw new Error('invalid example');
    const f = parsed.file;
    // as the app's budget view: the brief questions keep their answer unless opted in
    const locked = adviceLocks(released(), f.scan.locked ?? [], allowBrief);
    return optimize(released(), { project: f.project, answers: f.scan.answers, costOverrides: f.scan.costOverrides }, { locked, ...options });
  }

  it('keeps the questions that change the brief as answered unless --allow-brief-changes (the app\'s rule)', async () => {
    const path = EXAMPLES[0]!;
    const kept = JSON.parse((await cli(['optimize', path, '--json'])).out);
    expect(kept.briefQuestions).toEqual(['A2', 'A3']);
    expect(kept.allowBriefChanges).toBe(false);
    expect(kept.keptAsAnswered).toEqual(expect.arrayContaining(['A2', 'A3']));
    for (const plan of [kept.best, ...kept.perLabel.map((l: { plan: unknown }) => l.plan)]) {
      for (const c of (plan as { changes?: { question: string }[] } | null)?.changes ?? []) expect(['A2', 'A3']).not.toContain(c.question);
    }
    const allowed = JSON.parse((await cli(['optimize', path, '--json', '--allow-brief-changes'])).out);
    expect(allowed.allowBriefChanges).toBe(true);
    expect(allowed.keptAsAnswered).not.toContain('A2');
    expect(allowed.best.total.display).toBe(engine(path, {}, true).best!.plan!.score.total!.display);
    expect(allowed.best.total.display).toBeGreaterThanOrEqual(kept.best.total.display);
    const text = await cli(['optimize', path, '--lang', 'en']);
    expect(text.out).toMatch(/^Kept as answered, since a better answer changes the brief .*: A2, A3; --allow-brief-changes includes them$/m);
    expect(text.out).not.toMatch(/\bl[0-4]\b/);
  });

  it.each(EXAMPLES)('%s: the JSON is the engine\'s result', async (path) => {
    const expected = engine(path);
    const json = JSON.parse((await cli(['optimize', path, '--json'])).out);
    expect(json.costMode).toBe('mid');
    expect(json.budget.source).toBe('project');
    expect(json.best.total.display).toBe(expected.best!.plan!.score.total!.display);
    expect(json.best.cost).toEqual(expected.best!.plan!.cost);
    expect(json.best.changes).toEqual(expected.best!.plan!.changes);
    expect(json.best.withinBudget).toBe(true);
    expect(json.frontier.size).toBe(expected.frontier.points.length);
    expect(json.perLabel.map((l: { label: string }) => l.label)).toEqual(['bronze', 'silver', 'gold', 'platinum']);
    expect(json.upgrades.length).toBe(Math.min(10, expected.upgrades.length));
    expect(json.upgrades[0]?.question).toBe(expected.upgrades[0]?.question);
  });

  it('the budget flags override the file\'s budget; --prudent uses the high end; --target keeps one label', async () => {
    const path = EXAMPLES[0]!;
    const eur = JSON.parse((await cli(['optimize', path, '--budget', '50000.5', '--prudent', '--target', 'Gold', '--top', '3', '--json'])).out);
    expect(eur.budget).toEqual({ cents: 5_000_050, source: 'option-eur' });
    expect(eur.costMode).toBe('high');
    expect(eur.perLabel.map((l: { label: string }) => l.label)).toEqual(['gold']);
    expect(eur.upgrades).toHaveLength(3);
    const expected = engine(path, { prudent: true, budgetCents: 5_000_050 });
    expect(eur.best.total.display).toBe(expected.best!.plan!.score.total!.display);
    expect(eur.best.cost.highCents).toBeLessThanOrEqual(5_000_050);

    const pct = JSON.parse((await cli(['optimize', path, '--budget-pct', '1,5', '--json'])).out);
    expect(pct.budget).toEqual({ cents: 9_000_000, source: 'option-pct', pct: 1.5 }); // 1.5% of € 6,000,000
    const zero = JSON.parse((await cli(['optimize', path, '--budget', '0', '--json'])).out);
    expect(zero.budget.cents).toBe(0);
  });

  it('text: best plan with its changes and levels, cheapest per label, frontier table, upgrades', async () => {
    const r = await cli(['optimize', EXAMPLES[0]!]);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/^Budget: €180,000 \(3% of the construction budget of €6,000,000, the project's circular budget\)$/m);
    expect(r.out).toMatch(/^Locked \(keep their current answer\): C1$/m);
    expect(r.out).toMatch(/^Best within the budget: total \d+\.\d, label \w+, extra cost/m);
    expect(r.out).toMatch(/^ {4}A: A1=\d\*? {2}A3=\d/m);
    expect(r.out).toMatch(/^Cheapest plan per label:$/m);
    expect(r.out).toMatch(/^Frontier: \d+ plans \(cost → total\), \d+ shown/m);
    expect(r.out).toMatch(/→\s+\d+\.\d {2}← best within the budget$/m);
    expect(r.out).toMatch(/^Top upgrades per euro \(10 of \d+\):$/m);
    const nl = await cli(['optimize', EXAMPLES[1]!, '--lang', 'nl', '--target', 'goud']);
    expect(nl.out).toMatch(/^Goedkoopste plan voor Goud:$/m);
    expect(nl.out).toMatch(/^Budget: € \d{1,3}(\.\d{3})* \(/m);
  });

  it('rejects bad budget flags with exit 2 and one line', async () => {
    const path = EXAMPLES[0]!;
    expectBadInput(await cli(['optimize', path, '--budget', '-5']), /--budget "-5" must not be negative/);
    expectBadInput(await cli(['optimize', path, '--budget', 'lots']), /--budget "lots" is not a number/);
    expectBadInput(await cli(['optimize', path, '--budget', '150.000']), /without thousands separators/);
    expectBadInput(await cli(['optimize', path, '--budget', '1e5']), /not a number/);
    expectBadInput(await cli(['optimize', path, '--budget-pct', '-1']), /must not be negative/);
    expectBadInput(await cli(['optimize', path, '--budget-pct', '120']), /--budget-pct "120" must be from 0 to 100/);
    expectBadInput(await cli(['optimize', path, '--budget', '1', '--budget-pct', '1']), /either --budget or --budget-pct/);
    expectBadInput(await cli(['optimize', path, '--target', 'diamond']), /unknown label "diamond" .*bronze, silver, gold, platinum/);
    expectBadInput(await cli(['optimize', path, '--top', 'many']), /--top "many" is not a whole number/);
    expectBadInput(await cli(['optimize', path, '--budget', '-5', '--lang', 'nl']), /mag niet negatief zijn/);
    // the options are checked before the file: a bad budget with a missing file names the budget
    expectBadInput(await cli(['optimize', 'missing.json', '--budget', 'x']), /--budget "x"/);
  });
});

describe('verify', () => {
  const issued = 'docs/examples/issued';

  it('valid issued files give exit 0; the trusted-keys file is read', async () => {
    const r = await cli(['verify', `${issued}/new-build-school-goes.quickscan-issued.json`, '--trusted-keys', `${issued}/test-key.public.json`, '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.files[0]).toMatchObject({ status: 'valid', kind: 'envelope', trustedKeyLabel: 'QuickScan test key (not for real use)' });
    expect(json.files[0].envelope).toBeUndefined();
    const scan = JSON.parse((await cli(['score', EXAMPLES[0]!, '--json'])).out);
    expect(json.files[0].score.total).toBe(scan.total.display);
  });

  it('an altered file gives exit 1; an unreadable one exit 2 with one line on stderr', async () => {
    const envelope = readJson<{ content: { project: { name: string } } }>(`${issued}/new-build-school-goes.quickscan-issued.json`);
    envelope.content.project.name = 'Another school';
    const altered = temp('altered.quickscan-issued.json', envelope);
    const r = await cli(['verify', altered]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/altered\.quickscan-issued\.json: FAILED/);
    expect(r.err).toBe('');

    const both = await cli(['verify', altered, 'missing.pdf', '--lang', 'nl']);
    expect(both.code).toBe(2);
    expect(both.out).toMatch(/AFGEKEURD/);
    expect(both.out).toMatch(/missing\.pdf: ONLEESBAAR/);
    expect(both.err.trimEnd().split('\n')).toHaveLength(1);
    expect(both.err).toMatch(/missing\.pdf/);

    expectBadInput(await cli(['verify']), /missing argument/);
    const keys = temp('keys.json', [{ publicKey: 'not-a-key' }]);
    expectBadInput(await cli(['verify', altered, '--trusted-keys', keys]), /not a list of trusted keys/);
  });

  it('a directory given as a file', async () => {
    mkdirSync(join(tmp, 'dir.pdf'), { recursive: true });
    const r = await cli(['verify', join(tmp, 'dir.pdf')]);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/is a directory/);
  });
});
