// The seam for outputs: each output is one module with a name, a switch and a writer, listed once in
// app/outputs/index.ts. Post and the CLI run the list; nothing else wires outputs by hand.
import type { JobContext } from '../../github/context.js';
import type { Settings } from '../../settings/settings.js';
import type { Finished } from '../finish.js';

/** Where an output's writes go, which decides who runs it and how. */
export type OutputTarget =
  /** a file in the run directory: written by post and the CLI, in list order */
  | 'run-dir'
  /** the job's step summary: post only, after the files */
  | 'job'
  /** a network side effect: post only, run side by side, each bounded by its own timeout */
  | 'network'
  /** a push to a metrics backend (Prometheus, OpenTelemetry): post and the CLI, after the verdict, never failing the gate */
  | 'export';

/** What an output may touch besides the run directory. Problems go to warn(), progress to note(). */
export interface OutputSink {
  warn(message: string): void;
  note(message: string): void;
  /** Appends to $GITHUB_STEP_SUMMARY; false when there is none. Absent outside the action. */
  appendSummary?(markdown: string): boolean;
  /** The GitHub job context; null when it could not be read (or outside the action). */
  github: JobContext | null;
  /** Masks a secret in the runner's log (`::add-mask::`); absent outside the runner. */
  setSecret?(value: string): void;
}

export interface Output {
  name: string;
  target: OutputTarget;
  enabled(settings: Settings): boolean;
  /** Noted when the output is switched off, e.g. 'artifact upload off (artifact: false)'. */
  offNote?: string;
  /** May throw: the runner turns a throw into a warning naming the output. */
  write(finished: Finished, sink: OutputSink): void | Promise<void>;
}
