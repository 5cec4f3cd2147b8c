// The @actions/cache client reports failures only by logging through @actions/core
// (`::error::Failed to restore: …`, `::warning::Failed to save: …`, info `Failed to save: … another job may
// be creating this cache`) and returning undefined / -1. A failing cache must not put error annotations on
// the user's run, and carbon-gate must know the call failed (to say "cache unavailable", not "no
// baseline yet"). So while a cache call runs, and afterwards for late output of a call that timed out,
// these client lines are rewritten as plain log lines and recorded. Nothing else written to stdout is
// touched.

const FAILURE = /^(Failed to restore: |Failed to save: |Cache reservation failed: |You've hit a rate limit|Unable to finalize cache|Failed to make request)/;
const COMMAND = /^::(error|warning)(?: [^:]*)?::(.*)$/;

type Recorder = (message: string) => void;
const recorders = new Set<Recorder>();
let installed = false;

function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

function install(): void {
  if (installed) return;
  installed = true;
  const original = process.stdout.write.bind(process.stdout) as (chunk: unknown, ...rest: unknown[]) => boolean;
  process.stdout.write = ((chunk: unknown, ...rest: unknown[]): boolean => {
    if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) return original(chunk, ...rest);
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    let changed = false;
    const lines = text.split(/(\r?\n)/);
    for (let i = 0; i < lines.length; i += 2) {
      const line = lines[i]!;
      const cmd = COMMAND.exec(line);
      const message = cmd ? unescapeData(cmd[2]!) : line;
      if (!FAILURE.test(message)) continue;
      for (const r of recorders) r(message.split('\n')[0]!);
      if (cmd) {
        lines[i] = `carbon-gate: cache client: ${message.replace(/\r?\n/g, ' ')}`;
        changed = true;
      }
    }
    return original(changed ? lines.join('') : chunk, ...rest);
  }) as typeof process.stdout.write;
}

/** Runs fn and returns what it returned plus the cache-client failure messages logged meanwhile. */
export async function captureClientFailures<T>(fn: () => Promise<T>): Promise<{ value: T; failures: string[] }> {
  install();
  const failures: string[] = [];
  const rec: Recorder = (m) => failures.push(m);
  recorders.add(rec);
  try {
    const value = await fn();
    return { value, failures };
  } finally {
    recorders.delete(rec);
  }
}
