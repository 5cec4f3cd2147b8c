// Bounds a network call with our own deadline: the toolkit clients retry for ≈25–35 s against a failing
// service, and a hanging connection has no deadline at all. The underlying call is not cancelled (the
// clients take no abort signal); post must end the process explicitly when it is done.

export class TimeoutError extends Error {
  constructor(
    readonly what: string,
    readonly ms: number,
  ) {
    super(`${what} timed out after ${ms / 1000} s`);
    this.name = 'TimeoutError';
  }
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(what, ms)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/** Per-call deadlines in ms; CARBON_GATE_NETWORK_TIMEOUT_MS (a positive integer) overrides them all. */
export function networkTimeoutMs(defaultMs: number, env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.CARBON_GATE_NETWORK_TIMEOUT_MS;
  if (raw && /^\d+$/.test(raw.trim()) && Number(raw) > 0) return Number(raw);
  return defaultMs;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
