// The one CSV reader of carbon-gate (RFC 4180): quoted fields, doubled quotes, commas and line
// breaks inside quotes, CRLF or LF line ends, an optional UTF-8 byte-order mark. Pure.

export class CsvError extends Error {
  constructor(
    readonly source: string,
    readonly line: number,
    detail: string,
  ) {
    super(`${source}:${line}: ${detail}`);
    this.name = 'CsvError';
  }
}

/** Splits CSV text into rows of raw string fields. Blank lines are dropped. */
export function parseCsvRows(text: string, source = 'csv'): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  let line = 1;
  let quoteStartLine = 0;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRow = (): void => {
    row.push(field);
    if (!(row.length === 1 && row[0] === '')) rows.push(row);
    row = [];
    field = '';
  };
  for (; i < text.length; i++) {
    const c = text[i];
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          inQuotes = false;
          const next = text[i + 1];
          if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
            throw new CsvError(source, line, 'unexpected character after a closing quote');
          }
        }
      } else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"') {
      if (field !== '') throw new CsvError(source, line, 'a quote inside an unquoted field');
      inQuotes = true;
      quoteStartLine = line;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
    } else {
      field += c;
    }
  }
  if (inQuotes) throw new CsvError(source, quoteStartLine, 'a quoted field is never closed');
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

/** Parses CSV with a header row into objects keyed by the header; checks that the named columns exist. */
export function parseCsvRecords(text: string, source = 'csv', requiredColumns: readonly string[] = []): Array<Record<string, string>> {
  const rows = parseCsvRows(text, source);
  if (rows.length === 0) throw new CsvError(source, 1, 'no header row');
  const header = rows[0].map((h) => h.trim());
  for (const col of requiredColumns) {
    if (!header.includes(col)) throw new CsvError(source, 1, `missing column '${col}' (have: ${header.join(', ')})`);
  }
  return rows.slice(1).map((r, idx) => {
    if (r.length > header.length) throw new CsvError(source, idx + 2, `${r.length} fields, header has ${header.length}`);
    const o: Record<string, string> = {};
    header.forEach((h, j) => {
      o[h] = (r[j] ?? '').trim();
    });
    return o;
  });
}
