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

/**
 * Characters the parser looked at, for tests that check it stays linear: each `indexOf` counts the
 * characters from where it started to where it stopped, the quoted-field path one per character.
 */
export interface CsvWork {
  scannedChars: number;
}

/**
 * Splits CSV text into rows of raw string fields. Blank lines are dropped. Linear in the text: the
 * position of the next quote is found once and reused until the parser passes it (searching the rest
 * of the file for a quote on every line made a 80k-row file take seconds).
 */
export function parseCsvRows(text: string, source = 'csv', work?: CsvWork): string[][] {
  const rows: string[][] = [];
  const len = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let nextQuote = -2; // -2: not searched yet; -1: no quote after the last search point
  const find = (ch: string, from: number): number => {
    const at = text.indexOf(ch, from);
    if (work) work.scannedChars += (at === -1 ? len : at + 1) - from;
    return at;
  };
  while (i < len) {
    // Fast path: a record without quotes is the text up to the next line break, split on commas.
    let eol = find('\n', i);
    if (eol === -1) eol = len;
    const end = eol > i && text.charCodeAt(eol - 1) === 13 ? eol - 1 : eol;
    if (nextQuote === -2 || (nextQuote !== -1 && nextQuote < i)) nextQuote = find('"', i);
    const q = nextQuote;
    if (q === -1 || q >= end) {
      const rec = text.slice(i, end);
      if (rec !== '') rows.push(rec.split(','));
      i = eol + 1;
      line++;
      continue;
    }
    // Slow path: a record with quoted fields, which may span lines.
    const row: string[] = [];
    let field = '';
    let inQuotes = false;
    let quoteStartLine = 0;
    for (;;) {
      if (i >= len) {
        if (inQuotes) throw new CsvError(source, quoteStartLine, 'a quoted field is never closed');
        row.push(field);
        break;
      }
      const c = text[i];
      if (work) work.scannedChars++;
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
        i++;
      } else if (c === '"') {
        if (field !== '') throw new CsvError(source, line, 'a quote inside an unquoted field');
        inQuotes = true;
        quoteStartLine = line;
        i++;
      } else if (c === ',') {
        row.push(field);
        field = '';
        i++;
      } else if (c === '\n' || c === '\r') {
        row.push(field);
        i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
        line++;
        break;
      } else {
        field += c;
        i++;
      }
    }
    if (!(row.length === 1 && row[0] === '')) rows.push(row);
  }
  return rows;
}

/** Parses CSV with a header row into objects keyed by the header; checks that the named columns exist. */
export function parseCsvRecords(text: string, source = 'csv', requiredColumns: readonly string[] = [], work?: CsvWork): Array<Record<string, string>> {
  const rows = parseCsvRows(text, source, work);
  if (rows.length === 0) throw new CsvError(source, 1, 'no header row');
  const header = rows[0].map((h) => h.trim());
  for (const col of requiredColumns) {
    if (!header.includes(col)) throw new CsvError(source, 1, `missing column '${col}' (have: ${header.join(', ')})`);
  }
  const out: Array<Record<string, string>> = new Array(rows.length - 1);
  const width = header.length;
  for (let i = 1; i < rows.length; i++) {
    const r = rows[i];
    if (r.length > width) throw new CsvError(source, i + 1, `${r.length} fields, header has ${width}`);
    const o: Record<string, string> = {};
    for (let j = 0; j < width; j++) {
      const v = r[j];
      o[header[j]] = v === undefined ? '' : v.trim();
    }
    out[i - 1] = o;
  }
  return out;
}
