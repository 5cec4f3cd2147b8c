// The one CSV reader: RFC 4180 quoting, line ends, BOM, and its errors.
import { describe, expect, test } from '@jest/globals';
import { CsvError, parseCsvRecords, parseCsvRows } from '../../src/core/csv.js';

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
