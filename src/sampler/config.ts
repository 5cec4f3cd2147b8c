// What pre (or the CLI) hands the sampler, as a JSON file in the run directory.
export interface SamplerConfig {
  /** Root of the measured process tree (Runner.Worker for the action, the CLI for `carbon-gate run`); null = machine only. */
  rootPid: number | null;
  intervalSeconds: number;
  outDir: string;
  gpu: 'auto' | 'nvidia' | 'amd' | 'off';
  rapl: boolean;
  procRoot?: string;
  sysfsRoot?: string;
  /** Exit as soon as this process is no longer the sampler's parent (the CLI, which waits for it). */
  parentPid?: number;
  /** Read the tree every N ticks (non-Linux platforms where a tree read spawns a process). */
  treeEveryTicks?: number;
  /** Depth of the processes that start steps: 1 = the root's children (the runner's steps, default), 2 = the CLI command's children; 0 = off (the bench's peer). */
  stepDepth?: number;
  /** How the tree tracker finds new processes: 'pids' (default) or 'list' (the previous way, the bench's peer); see sampler/linux/tree.ts. */
  discovery?: 'pids' | 'list';
}

export const CONFIG_FILE = 'sampler-config.json';
export const SAMPLES_FILE = 'samples.jsonl';
export const MARKER_FILE = 'sampler-done.json';
export const LOG_FILE = 'sampler.log';
