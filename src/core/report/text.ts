// Plain-text rendering of our report markdown for a terminal: aligned tables without pipes, no HTML
// (entities decoded, <details>/<summary>/<sub> unwrapped), no markdown marks, the verdict line in colour
// when asked. Pure. It handles the subset of GFM the report renderers write, not markdown at large.
import { sparkline } from './chart.js';

export interface TextOptions {
  /** ANSI colour (the CLI passes true only on a terminal without NO_COLOR). */
  color: boolean;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#64;': '@', '&#35;': '#' };

const ANSI = { bold: '\u001b[1m', dim: '\u001b[2m', red: '\u001b[31m', green: '\u001b[32m', yellow: '\u001b[33m', cyan: '\u001b[36m', reset: '\u001b[0m' };

/** Inline markdown to text: links, code spans, bold, backslash escapes, entities, inline HTML. */
export function inlineText(s: string): string {
  return (
    s
      // [text](url) → text (url)
      .replace(/\[((?:\\.|[^\]\\])*)\]\((https?:\/\/[^\s()]+)\)/g, (_m, t: string, u: string) => `${t} (${u})`)
      .replace(/`([^`]*)`/g, '$1')
      .replace(/\*\*((?:\\.|[^*\\])+)\*\*/g, '$1')
      .replace(/<\/?(?:sub|b|strong|em|code)>/g, '')
      .replace(/\\([\\`*_[\]|~#<>!()+.-])/g, '$1')
      .replace(/&(?:amp|lt|gt|quot|#39|#64|#35);/g, (e) => ENTITIES[e] ?? e)
  );
}

/** Terminal columns of a string: wide for emoji and CJK, zero for variation selectors and joiners. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c === 0xfe0f || c === 0x200d || (c >= 0x300 && c < 0x370)) continue;
    if (c >= 0x1f000 || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xff00 && c <= 0xff60) || c === 0x2705 || c === 0x274c || c === 0x26a0) w += 2;
    else w += 1;
  }
  return w;
}

/** Cells of a GFM table row (split on unescaped pipes). */
function cells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < inner.length; i++) {
    if (inner[i] === '\\' && i + 1 < inner.length) {
      cur += inner[i] + inner[i + 1];
      i++;
    } else if (inner[i] === '|') {
      out.push(cur.trim());
      cur = '';
    } else cur += inner[i];
  }
  out.push(cur.trim());
  return out;
}

function renderTable(rows: string[], color: boolean): string[] {
  const header = cells(rows[0]).map(inlineText);
  const aligns = cells(rows[1]).map((d) => (/^:?-+:$/.test(d) && !/^:-+:$/.test(d) ? 'r' : 'l'));
  const body = rows.slice(2).map((r) => cells(r).map(inlineText));
  const all = [header, ...body];
  const n = Math.max(...all.map((r) => r.length));
  const widths = Array.from({ length: n }, (_, i) => Math.max(...all.map((r) => displayWidth(r[i] ?? ''))));
  const fmtRow = (r: string[]): string =>
    widths
      .map((w, i) => {
        const c = r[i] ?? '';
        const pad = ' '.repeat(w - displayWidth(c));
        return aligns[i] === 'r' ? pad + c : c + pad;
      })
      .join('  ')
      .trimEnd();
  const head = fmtRow(header);
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  const out = header.every((h) => h === '') ? [] : [color ? `${ANSI.bold}${head}${ANSI.reset}` : head, rule];
  return [...out, ...body.map(fmtRow)];
}

function verdictColour(line: string): string {
  if (line.startsWith('✅')) return ANSI.green;
  if (line.startsWith('❌')) return ANSI.red;
  if (line.startsWith('⚠️')) return ANSI.yellow;
  return ANSI.cyan;
}

/** A mermaid xychart as one line: its title and its first series as a sparkline from 0. */
function chartAsText(block: string[]): string {
  const title = /^\s*title "([^"]*)"/.exec(block.find((l) => /^\s*title /.test(l)) ?? '')?.[1];
  const data = /\[([\d.,\s]+)\]/.exec(block.find((l) => /^\s*(bar|line) \[/.test(l)) ?? '')?.[1];
  if (!data) return '';
  return `${title ?? 'Chart'}: ${sparkline(data.split(',').map(Number))}`;
}

/** The report markdown as terminal text. Mermaid blocks are dropped (use chart: 'sparkline' for text). */
export function markdownToText(md: string, o: TextOptions): string {
  const lines = md.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith('```')) {
      const block: string[] = [];
      while (i + 1 < lines.length && !lines[i + 1].startsWith('```')) block.push(lines[++i]);
      i++;
      const spark = chartAsText(block);
      if (spark) out.push(spark);
      continue;
    }
    if (line.startsWith('|') && lines[i + 1]?.startsWith('|') && /^\|[\s:|-]+\|$/.test(lines[i + 1].trim())) {
      const rows: string[] = [];
      while (i < lines.length && lines[i].startsWith('|')) rows.push(lines[i++]);
      i--;
      out.push(...renderTable(rows, o.color));
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      const t = inlineText(heading[2]);
      out.push(o.color ? `${ANSI.bold}${t}${ANSI.reset}` : t);
      if (heading[1].length <= 2) out.push('═'.repeat(Math.min(78, displayWidth(t))));
      continue;
    }
    const summary = /^<details><summary>(.*)<\/summary>$/.exec(line.trim());
    if (summary) {
      const t = inlineText(summary[1]);
      out.push(o.color ? `${ANSI.bold}${t}${ANSI.reset}` : t, '─'.repeat(Math.min(78, displayWidth(t))));
      continue;
    }
    if (/^<\/?details>$/.test(line.trim())) continue;
    if (/^> \[!(WARNING|NOTE|CAUTION)\]$/.test(line)) {
      out.push(o.color ? `${ANSI.yellow}WARNING${ANSI.reset}` : 'WARNING');
      continue;
    }
    const isVerdict = /^\*\*(✅|❌|⚠️|ℹ️)/.test(line);
    let t = inlineText(line.replace(/^> /, '  '));
    if (isVerdict && o.color) t = `${verdictColour(t)}${ANSI.bold}${t}${ANSI.reset}`;
    out.push(t);
  }
  // at most one blank line in a row
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}
