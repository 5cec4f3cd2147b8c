// Parsers of the export inputs (Pushgateway, OTLP, labels). Pure; used by parseSettings only.
// Header values and URL credentials may be secrets: an error names the input and the offending
// entry, never the secret itself.
import { InputError } from './input-error.js';

/** Labels every exported series carries; export-labels may not reuse them. */
export const BUILT_IN_LABELS = ['repository', 'workflow', 'job', 'matrix_key', 'ref', 'event', 'runner_os', 'runner_arch', 'region', 'model', 'run_id', 'scope', 'verdict', 'step', 'instance'] as const;

/** The URL with any user:password and query removed, for messages. */
export function redactUrl(raw: string): string {
  try {
    const u = new URL(raw.trim());
    const hidden = u.username || u.password ? '***@' : '';
    return `${u.protocol}//${hidden}${u.host}${u.pathname === '/' ? '' : u.pathname}${u.search ? '?***' : ''}`;
  } catch {
    return '(not a URL; value hidden: it may hold credentials)';
  }
}

/** An http(s) base URL; null when empty. Credentials are allowed (they are masked and sent as Basic auth). */
export function exportUrl(name: string, raw: string): string | null {
  const v = raw.trim();
  if (v === '') return null;
  let u: URL | null;
  try {
    u = new URL(v);
  } catch {
    u = null;
  }
  if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:') || !u.hostname) {
    throw new InputError(name, redactUrl(v), "an http:// or https:// URL, e.g. 'https://pushgateway.example.com:9091'");
  }
  if (u.hash) throw new InputError(name, redactUrl(v), 'a URL without a #fragment');
  return v.replace(/\/+$/, '');
}

const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;
/** A comma that starts a new `Name: value` / `Name=value` entry (OTEL_EXPORTER_OTLP_HEADERS style). */
const ENTRY_COMMA = /,\s*(?=[A-Za-z0-9!#$%&'*+.^_`|~-]+\s*[:=])/;

/**
 * HTTP headers, one per line (`Name: value` or `Name=value`), or on one line separated by commas.
 * The separator is the first `:` or `=`, which a header name cannot contain.
 */
export function headers(name: string, raw: string): Record<string, string> {
  const out: Record<string, string> = {};
  const text = raw.trim();
  if (text === '') return out;
  const entries = text.includes('\n') ? text.split(/\r?\n/) : text.split(ENTRY_COMMA);
  entries.forEach((entry, i) => {
    const line = entry.trim();
    if (line === '') return;
    const sep = line.search(/[:=]/);
    const key = sep > 0 ? line.slice(0, sep).trim() : '';
    const value = sep > 0 ? line.slice(sep + 1).trim() : '';
    const where = `entry ${i + 1} (${key && HEADER_NAME.test(key) ? `header ${key}, ` : ''}value hidden)`;
    if (!key || !HEADER_NAME.test(key) || value === '') {
      throw new InputError(name, where, "'Name: value' or 'Name=value' per line (or comma-separated on one line), e.g. 'Authorization: Bearer ${{ secrets.TOKEN }}'");
    }
    if (/[\r\n\0]/.test(value)) throw new InputError(name, where, 'header values without control characters');
    out[key] = value;
  });
  return out;
}

/** Extra labels: `key=value` pairs separated by commas or newlines. */
export function labels(name: string, raw: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of raw.split(/[\n,]/)) {
    const p = part.trim();
    if (p === '') continue;
    const eq = p.indexOf('=');
    const key = eq > 0 ? p.slice(0, eq).trim() : '';
    const value = eq > 0 ? p.slice(eq + 1).trim() : '';
    if (!/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(key) || key.startsWith('__')) {
      throw new InputError(name, p, "comma-separated 'key=value' pairs with Prometheus label names ([a-zA-Z_][a-zA-Z0-9_]*, not starting with __), e.g. 'team=payments,cost_center=42'");
    }
    if ((BUILT_IN_LABELS as readonly string[]).includes(key)) throw new InputError(name, p, `label names other than the built-in ones (${BUILT_IN_LABELS.join(', ')})`);
    if (value === '' || value.length > 200) throw new InputError(name, p, 'a non-empty value of at most 200 characters after the =');
    if (key in out) throw new InputError(name, p, `each label once ('${key}' is repeated)`);
    out[key] = value;
  }
  return out;
}
