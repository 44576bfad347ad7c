/**
 * The pure layers return codes and values, never NL/EN sentences (issue 14, docs/file-formats.md
 * "Error codes"): this test reads every non-test source of scoring/ and forms/ and fails when a
 * zod `error:` / `message:` text or a `new ScanInputError(...)` carries words instead of a code.
 * The wording lives in ONE place, report/input-strings.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isFieldErrorCode } from '../forms/input-problems';

const root = join(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => relative(root, join(e.parentPath, e.name)))
    .filter((p) => !p.includes('test-support'))
    .sort();
}

/**
 * The one allowance: forms/registry.ts `ReleaseProblem.message` reports a damaged BUILD (a
 * released definition file that no longer matches releases.json) to the developer and in logs;
 * it is not a problem of any user input, and no user can cause or fix it.
 * (scoring/key-file.ts PRIVATE_KEY_WARNING is a file-format constant written into key files, not
 * an `error:`/`message:` text, so it needs no allowance here.)
 */
const ALLOWED: Readonly<Record<string, RegExp>> = {
  'forms/registry.ts': /^released definition /,
};

/** The text of every `error:` / `message:` string or template literal in a source. */
function literalTexts(text: string): string[] {
  const out: string[] = [];
  const LITERAL = /(['"`])((?:\\.|(?!\1)[^\\])*)\1/g;
  // `error: 'text'`, `message: \`text\``
  for (const m of text.matchAll(/\b(?:error|message)\s*:\s*(['"`])((?:\\.|(?!\1)[^\\])*)\1/g)) out.push(m[2]!);
  // `error: (issue) => (… ? 'text' : …)`: every literal the function returns (not the ones it compares with)
  for (const m of text.matchAll(/\berror\s*:\s*\(?\w*\)?\s*=>\s*([^\n]*)/g)) {
    for (const l of m[1]!.matchAll(LITERAL)) if (!/={2,3}\s*$/.test(m[1]!.slice(0, l.index))) out.push(l[2]!);
  }
  return out;
}

describe('no NL/EN sentences in scoring/ and forms/', () => {
  const files = [...sources('scoring'), ...sources('forms')];

  it('reads the sources it guards', () => {
    expect(files).toContain('forms/schema.ts');
    expect(files).toContain('scoring/profile.ts');
    expect(files.length).toBeGreaterThan(30);
  });

  it('every zod error/message text is a code of forms/input-problems.ts', () => {
    const bad: string[] = [];
    for (const file of files) {
      const text = readFileSync(join(root, file), 'utf8');
      for (const literal of literalTexts(text)) {
        if (isFieldErrorCode(literal)) continue;
        if (ALLOWED[file]?.test(literal)) continue;
        bad.push(`${file}: ${JSON.stringify(literal.slice(0, 80))}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('every ScanInputError carries a code and values, no sentence', () => {
    const bad: string[] = [];
    for (const file of files) {
      const text = readFileSync(join(root, file), 'utf8');
      for (const m of text.matchAll(/new ScanInputError\(\s*'([^']*)'\s*(?:,\s*([^)]*))?\)/g)) {
        if (m[2] !== undefined && /^\s*['"`]/.test(m[2])) bad.push(`${file}: new ScanInputError('${m[1]}', ${m[2].slice(0, 60)}`);
      }
      // a multi-line call with a sentence as its second argument
      for (const m of text.matchAll(/new ScanInputError\(\s*\n?\s*'[^']*',\s*\n?\s*[`'"]/g)) bad.push(`${file}: ${m[0].slice(0, 60)}`);
    }
    expect(bad).toEqual([]);
  });

  it('catches a sentence put back (the guard itself works)', () => {
    expect(literalTexts(`z.string().regex(/x/, { error: 'the name must not be empty' })`)).toEqual(['the name must not be empty']);
    expect(literalTexts('ctx.addIssue({ code: "custom", message: `${q} is locked twice` })')).toEqual(['${q} is locked twice']);
    expect(literalTexts(`z.url({ error: (issue) => (issue.code === 'invalid_format' ? 'invalid-url' : undefined) })`)).toContain('invalid-url');
    expect(isFieldErrorCode('the name must not be empty')).toBe(false);
    expect(isFieldErrorCode('blank')).toBe(true);
  });
});
