// A Runner that records what an orchestration step did, for in-process tests of src/app on src/:
// the same interface the real runner implements (adapters/runner.ts, itself checked against
// @actions/core's output in runner.test.ts), with state read from a map and the summary kept.
import type { Runner } from '../../src/adapters/runner.js';

export interface RecordingRunner extends Runner {
  log: string[];
  warnings: string[];
  failures: string[];
  groups: string[];
  state: Map<string, string>;
  summary: string[];
}

export function recordingRunner(state: Record<string, string> = {}, opts: { summaryThrows?: Error } = {}): RecordingRunner {
  const r: RecordingRunner = {
    log: [],
    warnings: [],
    failures: [],
    groups: [],
    state: new Map(Object.entries(state)),
    summary: [],
    info: (m) => void r.log.push(m),
    warning: (m) => void r.warnings.push(m),
    error: (m) => void r.log.push(`error: ${m}`),
    group: (t) => void r.groups.push(t),
    endGroup: () => undefined,
    saveState: (n, v) => void r.state.set(n, v),
    getState: (n) => r.state.get(n) ?? '',
    setOutput: () => undefined,
    appendSummary: (md) => {
      if (opts.summaryThrows) throw opts.summaryThrows;
      r.summary.push(md);
      return true;
    },
    setSecret: () => undefined,
    fail: (m) => void r.failures.push(m),
  };
  return r;
}
