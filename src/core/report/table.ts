// Markdown tables for every report, through markdown-table (GFM). Cells must already be escaped
// (escapeMarkdown) where they hold user-controlled text; numbers come from core/format.ts.
import { markdownTable } from 'markdown-table';

export type Align = 'l' | 'r' | 'c';

/** A GFM table: header, then rows; staggered delimiters keep the summary small. Ends with a newline. */
export function mdTable(header: readonly string[], rows: readonly (readonly string[])[], align?: readonly Align[]): string {
  return markdownTable([header, ...rows], { alignDelimiters: false, ...(align ? { align: [...align] } : {}) }) + '\n';
}
