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

/**
 * The text of a hidden marker `<!-- carbon-gate:<key> -->` with the key made safe for an HTML comment
 * (no `--`, no `>`, no line breaks): anything outside [A-Za-z0-9 ._/:+=,@-] is percent-encoded.
 */
export function markerFor(key: string): string {
  const safe = Array.from(key)
    .map((ch) => (/^[A-Za-z0-9 ._/:+=,@-]$/.test(ch) ? ch : encodeURIComponent(ch).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())))
    .join('')
    .replace(/--/g, '-%2D');
  return `<!-- carbon-gate:${safe} -->`;
}
