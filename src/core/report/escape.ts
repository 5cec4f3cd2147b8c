// Escaping of user-controlled text (job names, branch names, workflow names, notes) for GitHub-flavoured
// markdown that may also contain HTML. Pure.

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  // '@name' would mention (notify) a user or team; '#12' would link an issue.
  '@': '&#64;',
  '#': '&#35;',
};

/**
 * Makes arbitrary text safe to place inline in markdown (including a table cell): HTML special characters
 * become entities, the inline markdown characters (\\ ` * _ [ ] | ~) are backslash-escaped, mentions and
 * issue references are defused,
 * and line breaks / control characters become spaces. Do not put the result inside a code span.
 */
export function escapeMarkdown(text: string): string {
  let out = '';
  for (const ch of String(text)) {
    const code = ch.codePointAt(0)!;
    if (code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029) {
      out += ' ';
    } else if (ch in HTML_ENTITIES) {
      out += HTML_ENTITIES[ch];
    } else if ('\\`*_[]|~'.includes(ch)) {
      out += '\\' + ch;
    } else {
      out += ch;
    }
  }
  return out;
}

/** Cuts text to at most `maxChars` code points, marking the cut with an ellipsis. Apply before escaping. */
export function clip(text: string, maxChars: number): string {
  const chars = Array.from(text);
  return chars.length <= maxChars ? text : chars.slice(0, Math.max(0, maxChars - 1)).join('') + '…';
}

/** Longest marker key kept as is; a longer key is clipped and given a hash of the whole key. */
export const MARKER_KEY_MAX_CHARS = 160;

/** FNV-1a 64-bit of the UTF-16 code units, as 16 hex digits: short, stable and pure (no node:crypto). */
function fnv1a64(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) h = BigInt.asUintN(64, (h ^ BigInt(text.charCodeAt(i))) * 0x100000001b3n);
  return h.toString(16).padStart(16, '0');
}

/**
 * The text of a hidden marker `<!-- carbon-gate:<key> -->` with the key made safe for an HTML comment
 * (no `--`, no `>`, no line breaks) and for GitHub (no `@`, which would mention someone): anything outside
 * [A-Za-z0-9 ._/:+=,-] is percent-encoded. A key longer than 160 characters (a 70,000-character job-name)
 * is clipped to its first 120 and a hash of the whole key, so the marker stays short and keys stay distinct.
 */
export function markerFor(key: string): string {
  const short = key.length > MARKER_KEY_MAX_CHARS ? `${Array.from(key.slice(0, 120)).join('')}~${fnv1a64(key)}` : key;
  const safe = Array.from(short)
    .map((ch) => (/^[A-Za-z0-9 ._/:+=,~-]$/.test(ch) ? ch : encodeURIComponent(ch).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())))
    .join('')
    .replace(/--/g, '-%2D');
  return `<!-- carbon-gate:${safe} -->`;
}
