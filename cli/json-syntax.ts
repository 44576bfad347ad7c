/**
 * Where a JSON text goes wrong, with line and column: `JSON.parse` says so differently (or not
 * at all) from one Node version to the next, so the first error is located here, by a small
 * RFC 8259 syntax checker that runs only after `JSON.parse` has failed.
 */

export type JsonSyntaxProblem =
  | { kind: 'end' }
  | { kind: 'char'; char: string }
  | { kind: 'expected'; expected: string; char: string | null };

export interface JsonSyntaxError {
  /** Offset in UTF-16 code units. */
  offset: number;
  /** 1-based. */
  line: number;
  /** 1-based, in characters (code points) from the start of the line. */
  column: number;
  problem: JsonSyntaxProblem;
}

class Stop {
  constructor(
    readonly offset: number,
    readonly problem: JsonSyntaxProblem,
  ) {}
}

const MAX_DEPTH = 5000;

/** The first syntax error of `text`, or null when it is valid JSON (or too deeply nested to tell). */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  let i = 0;
  const n = text.length;

  const charAt = (at: number): string | null => {
    if (at >= n) return null;
    const cp = text.codePointAt(at)!;
    return String.fromCodePoint(cp);
  };
  const fail = (problem?: JsonSyntaxProblem): never => {
    const c = charAt(i);
    throw new Stop(i, problem ?? (c === null ? { kind: 'end' } : { kind: 'char', char: c }));
  };
  const expect = (expected: string): never => fail({ kind: 'expected', expected, char: charAt(i) });
  const ws = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++;
      else break;
    }
  };
  const digits = () => {
    const start = i;
    while (i < n && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i++;
    if (i === start) fail();
  };
  const number = () => {
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else digits();
    if (text[i] === '.') {
      i++;
      digits();
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      digits();
    }
  };
  const string = () => {
    i++; // opening quote
    for (;;) {
      if (i >= n) fail({ kind: 'end' });
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c < 0x20) fail();
      if (c === 0x5c) {
        i++;
        const e = text[i];
        if (e === 'u') {
          i++;
          for (let k = 0; k < 4; k++) {
            if (!/[0-9a-fA-F]/.test(text[i] ?? '')) fail();
            i++;
          }
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i++;
        else fail();
      } else i++;
    }
  };
  const literal = (word: string) => {
    for (const ch of word) {
      if (text[i] !== ch) fail();
      i++;
    }
  };
  const value = (depth: number): void => {
    if (depth > MAX_DEPTH) throw new RangeError('too deep');
    ws();
    const c = text[i];
    if (c === undefined) return fail({ kind: 'end' });
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') expect('"');
        string();
        ws();
        if (text[i] !== ':') expect(':');
        i++;
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        expect(', }');
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        expect(', ]');
      }
    }
    if (c === '"') return string();
    if (c === '-' || (c >= '0' && c <= '9')) return number();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    fail();
  };

  try {
    value(0);
    ws();
    if (i < n) fail();
    return null;
  } catch (error) {
    if (error instanceof Stop) return { offset: error.offset, ...lineAndColumn(text, error.offset), problem: error.problem };
    if (error instanceof RangeError) return null;
    throw error;
  }
}

/** 1-based line and column (in code points) of a UTF-16 offset; CRLF and LF end lines. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < offset && k < text.length; k++) {
    if (text.charCodeAt(k) === 0x0a) {
      line++;
      lineStart = k + 1;
    }
  }
  const column = [...text.slice(lineStart, offset).replace(/\r$/, '')].length + 1;
  return { line, column };
}
