// The one CSV reader: RFC 4180 quoting, line ends, BOM, and its errors.
import { describe, expect, test } from '@jest/globals';
import { CsvError, parseCsvRecords, parseCsvRows, type CsvWork } from '../../src/core/csv.js';

describe('parseCsvRows', () => {
  test('plain rows, LF and CRLF, blank lines dropped, BOM stripped', () => {
    expect(parseCsvRows('\ufeffa,b\r\n1,2\n\n3,\n')).toEqual([['a', 'b'], ['1', '2'], ['3', '']]);
  });
  test('quoted fields with commas, doubled quotes and line breaks', () => {
    const text = 'name,value\n"Xeon, Gold","0,29"\n"say ""hi""","line1\nline2"\nlast,x';
    expect(parseCsvRows(text)).toEqual([['name', 'value'], ['Xeon, Gold', '0,29'], ['say "hi"', 'line1\nline2'], ['last', 'x']]);
  });
  test('an empty quoted field and a final line without a line break', () => {
    expect(parseCsvRows('a,"",c')).toEqual([['a', '', 'c']]);
  });
  test('a quote inside an unquoted field, text after a closing quote and an unclosed quote are errors', () => {
    expect(() => parseCsvRows('a,b"c\n', 't.csv')).toThrow(CsvError);
    expect(() => parseCsvRows('a,"b"c\n', 't.csv')).toThrow(/t\.csv:1: unexpected character after a closing quote/);
    expect(() => parseCsvRows('x\n"open,\n', 't.csv')).toThrow(/t\.csv:2: a quoted field is never closed/);
  });
});

describe('parseCsvRecords', () => {
  test('records keyed by header, fields trimmed, short rows padded', () => {
    expect(parseCsvRecords('a, b ,c\n 1 ,2\n')).toEqual([{ a: '1', b: '2', c: '' }]);
  });
  test('required columns are checked, extra fields rejected', () => {
    expect(() => parseCsvRecords('a,b\n1,2\n', 'x.csv', ['a', 'z'])).toThrow(/x\.csv:1: missing column 'z'/);
    expect(() => parseCsvRecords('a,b\n1,2,3\n', 'x.csv')).toThrow(/x\.csv:2: 3 fields, header has 2/);
    expect(() => parseCsvRecords('', 'x.csv')).toThrow(/no header row/);
  });
});

describe('parseCsvRows work', () => {
  // Counts the characters the parser looks at instead of timing it: a parser that searches the rest of
  // the file for a quote on every line looks at ~rows²/2 × row length characters (80k rows: ~10^11).
  const ROWS = 80_000;
  const plain = Array.from({ length: ROWS }, (_, k) => `r${k},1.5,2.5,azure`).join('\n');

  test('stays linear on a big file without quotes', () => {
    const work: CsvWork = { scannedChars: 0 };
    const rows = parseCsvRows(plain, 'big.csv', work);
    expect(rows).toHaveLength(ROWS);
    expect(rows[ROWS - 1]).toEqual([`r${ROWS - 1}`, '1.5', '2.5', 'azure']);
    // Each character is passed by at most two searches (line break, quote).
    expect(work.scannedChars).toBeLessThanOrEqual(2 * plain.length + ROWS);
  });

  test('stays linear when the only quote is on the last line', () => {
    const text = `${plain}\n"last, quoted",x,y,z\n`;
    const work: CsvWork = { scannedChars: 0 };
    const rows = parseCsvRows(text, 'big.csv', work);
    expect(rows).toHaveLength(ROWS + 1);
    expect(rows[ROWS]).toEqual(['last, quoted', 'x', 'y', 'z']);
    expect(work.scannedChars).toBeLessThanOrEqual(2 * text.length + ROWS);
  });

  test('stays linear when every line has a quoted field', () => {
    const text = Array.from({ length: ROWS }, (_, k) => `"a ""${k}""",b`).join('\r\n');
    const work: CsvWork = { scannedChars: 0 };
    const rows = parseCsvRows(text, 'big.csv', work);
    expect(rows).toHaveLength(ROWS);
    expect(rows[7]).toEqual(['a "7"', 'b']);
    expect(work.scannedChars).toBeLessThanOrEqual(3 * text.length);
  });
});
