// Turns an export destination into what is sent and what must be masked. fetch refuses URLs with
// user:password, so those become a Basic Authorization header.
export interface Destination {
  /** The URL without credentials. */
  url: string;
  headers: Record<string, string>;
  /** Every string that must never reach a log: header values, their token part, URL credentials. */
  secrets: string[];
}

export function destination(rawUrl: string, headers: Record<string, string>): Destination {
  const secrets: string[] = [];
  const out: Record<string, string> = { ...headers };
  const u = new URL(rawUrl);
  if (u.username || u.password) {
    const user = decodeURIComponent(u.username);
    const pass = decodeURIComponent(u.password);
    secrets.push(rawUrl, u.password, pass);
    const basic = Buffer.from(`${user}:${pass}`, 'utf8').toString('base64');
    out.Authorization ??= `Basic ${basic}`;
    secrets.push(basic);
    u.username = '';
    u.password = '';
  }
  if (u.search) secrets.push(rawUrl, u.search.slice(1));
  for (const v of Object.values(headers)) {
    secrets.push(v);
    // "Bearer <token>", "Basic <b64>": the credential alone may be printed by something else.
    const m = /^\S+\s+(\S.*)$/.exec(v);
    if (m) secrets.push(m[1]);
  }
  return { url: u.toString().replace(/\/+$/, ''), headers: out, secrets: [...new Set(secrets.filter((s) => s.length >= 3))] };
}
