import { describe, expect, it } from 'vitest';
import { csvCell, csvDecimal, csvText } from './csv';

describe('csv', () => {
  it('writes Dutch with ; a BOM and CRLF, English with ,', () => {
    expect(csvText([['a', 'b'], ['1,5', 'x']], 'nl')).toBe('\uFEFFa;b\r\n1,5;x\r\n');
    expect(csvText([['a', 'b'], ['1,5', 'x']], 'en')).toBe('\uFEFFa,b\r\n"1,5",x\r\n');
  });
  it('neutralises formulas and quotes what needs it', () => {
    expect(csvCell('=HYPERLINK("x")', ';')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+31 6', ';')).toBe("'+31 6");
    expect(csvCell('-1', ',')).toBe("'-1");
    expect(csvCell('@SUM(A1)', ',')).toBe("'@SUM(A1)");
    expect(csvCell('two\nlines', ',')).toBe('"two\nlines"');
    expect(csvCell(' padded', ',')).toBe('" padded"');
    expect(csvCell('plain', ',')).toBe('plain');
  });
  it('writes decimals as the language does', () => {
    expect(csvDecimal(61.25, 1, 'nl')).toBe('61,3');
    expect(csvDecimal(61.25, 1, 'en')).toBe('61.3');
  });

  it('shows control characters and bidirectional overrides as escapes; keeps line breaks in a quoted cell', () => {
    expect(csvCell('Evil\u001b[31m\u202eexe.txt\u0000', ';')).toBe('Evil\\x1B[31m\\u202Eexe.txt\\x00');
    expect(csvCell('two\nlines', ';')).toBe('"two\nlines"');
    expect(csvCell('\u0000=HYPERLINK("x")', ';')).toBe('"\\x00=HYPERLINK(""x"")"');
  });
});
