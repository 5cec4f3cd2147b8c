// The CLI's usage texts: the overview (`carbon-gate --help`) and one per command (`carbon-gate help run`,
// `carbon-gate run --help`). Help goes to stdout with exit 0, as in other Node CLIs (npm, tsc, jest).
import { VERSION } from '../version.js';

/** Exit code when the command succeeded but the gate failed (budget exceeded). Documented in README. */
export const EXIT_GATE_FAILED = 86;
/** Exit code for usage and input errors. */
export const EXIT_USAGE = 2;

export const USAGE = `carbon-gate ${VERSION}: measure the energy and CO2e of a command

Usage:
  carbon-gate run [options] -- <command> [args...]
  carbon-gate report [--format <f>] <run-dir>
  carbon-gate export --prometheus-pushgateway-url <url> | --otlp-endpoint <url> [options] <run-dir>...
  carbon-gate help [run|report|export]      (also: carbon-gate <command> --help)
  carbon-gate -h | --help | -V | --version

Options (every action input is accepted as --<input> <value>):
  --interval <s>          seconds between samples (0.1 to 60; default 1)
  --budget-gco2e <g>      fail with exit code ${EXIT_GATE_FAILED} when the command's emissions exceed g
  --out <dir>             where to write emissions.csv, carbon-gate.csv, samples.csv, carbon-gate.json
                          and summary.md (default ./carbon-gate-report); a non-empty directory that
                          carbon-gate did not create is refused unless --force; one run at a time
  --scope <s>             process-tree (default) or machine
  --carbon-intensity <g>  grid intensity in gCO2e/kWh; --region azure:eastus2; --country FR
  --format <f>            text (aligned, for a terminal), markdown (the job summary) or json (every
                          figure at full precision); default: text on a terminal, markdown when
                          redirected. NO_COLOR turns the colour of the text verdict off.
  --prometheus-pushgateway-url <url>, --otlp-endpoint <url>
                          also send the result to a Pushgateway / an OTLP endpoint (docs/export.md)
Exit code: the command's own, or ${EXIT_GATE_FAILED} when the command succeeded but the gate failed, ${EXIT_USAGE} for bad usage.
`;

export const RUN_USAGE = `Usage: carbon-gate run [options] [--] <command> [args...]

Runs <command>, measures its process tree with the action's sampler and model, prints the summary
(text on a terminal, markdown when redirected, or --format) on stdout and writes the report files into --out.

Options (before the command; every action input is accepted as --<input> <value> or --<input>=<value>):
  --interval <s>          seconds between samples (0.1 to 60; default 1); alias of --sample-interval
  --budget-gco2e <g>      fail with exit code ${EXIT_GATE_FAILED} when the command's emissions exceed g; alias --budget
  --out <dir>             where to write emissions.csv, carbon-gate.csv, samples.csv, carbon-gate.json
                          and summary.md (default ./carbon-gate-report); a non-empty directory that
                          carbon-gate did not create is refused unless --force; one run at a time
  --scope <s>             process-tree (default) or machine
  --carbon-intensity <g>  grid intensity in gCO2e/kWh; --region azure:eastus2; --country FR
  --format <f>            text (aligned, for a terminal), markdown (the job summary) or json (every
                          figure at full precision); default: text on a terminal, markdown when
                          redirected. NO_COLOR turns the colour of the text verdict off.
  -h, --help              show this help
Flags after the command (or after --) belong to the command.
Exit code: the command's own, or ${EXIT_GATE_FAILED} when the command succeeded but the gate failed, ${EXIT_USAGE} for bad usage.
`;

export const REPORT_USAGE = `Usage: carbon-gate report [--format text|markdown|json] <run-dir>

Re-renders the report of an earlier run from its saved samples: <run-dir> is the --out of a
\`carbon-gate run\`, or the action's run directory (from its artifact or RUNNER_TEMP).
Prints the summary (text on a terminal, markdown when redirected, or --format) on stdout.

Options:
  -h, --help              show this help
Exit code: 0, ${EXIT_GATE_FAILED} when the saved run fails its gate, ${EXIT_USAGE} for bad usage.
`;

export const EXPORT_USAGE = `Usage: carbon-gate export [options] <run-dir>...

Sends saved results to a Prometheus Pushgateway and/or an OTLP/HTTP endpoint, as the action's post
step does: each <run-dir> holds a carbon-gate.json (the action's run directory, a downloaded
artifact, or the --out of \`carbon-gate run\`). See docs/export.md.

Options (at least one destination):
  --prometheus-pushgateway-url <url>       Pushgateway base URL (PUT to the job's group)
  --prometheus-pushgateway-headers <h>     headers, 'Name: value' per line or comma-separated
  --otlp-endpoint <url>                    OTLP/HTTP base URL (POST <url>/v1/metrics)
  --otlp-headers <h>                       headers for the OTLP endpoint
  --export-labels <k=v,...>                extra labels on every series
  --export-run-id true                     add the run id (high cardinality)
  -h, --help                               show this help
Exit code: 0, 1 when an export failed, ${EXIT_USAGE} for bad usage.
`;

const COMMAND_USAGE: Record<string, string> = { run: RUN_USAGE, report: REPORT_USAGE, export: EXPORT_USAGE };

/** Per-command usage, for `help <command>` and `<command> --help`; undefined for anything else. */
export const commandUsage = (command: string | undefined): string | undefined =>
  command !== undefined && Object.hasOwn(COMMAND_USAGE, command) ? COMMAND_USAGE[command] : undefined;

export const isHelpFlag = (a: string | undefined): boolean => a === '--help' || a === '-h';
export const isVersionFlag = (a: string | undefined): boolean => a === '--version' || a === '-V' || a === '-v';
