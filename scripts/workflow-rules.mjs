// Hardening rules for the repository's workflows, the examples and the README's YAML blocks (no YAML
// dependency: the files are read line by line, by indentation):
// - every `uses:` is a local path (`./…`) or `owner/repo[/path]@<40-hex commit>` followed by a `# vX.Y.Z`
//   comment; the README's usage examples may name the action itself as `org/carbon-gate@vN`;
// - every actions/checkout step sets `persist-credentials: false` (else the token stays in .git/config
//   for every later step);
// - in a workflow, the top level grants nothing (`permissions: {}`) and every job has its own `permissions:`.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const PINNED = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+(?:\/[^@\s]+)?@[0-9a-f]{40}$/;
const VERSION_COMMENT = /^#\s*v\d+\.\d+\.\d+\b/;
const OWN_ACTION = /^org\/carbon-gate@v\d+$/;

const indentOf = (line) => line.length - line.trimStart().length;

/** The lines of the YAML item that starts at `start` (a `- ` step or a `key:`): it and every following line indented deeper. */
function itemLines(lines, start) {
  const base = indentOf(lines[start]);
  const out = [lines[start]];
  for (let i = start + 1; i < lines.length; i++) {
    if (lines[i].trim() === '' || lines[i].trimStart().startsWith('#')) continue;
    if (indentOf(lines[i]) <= base) break;
    out.push(lines[i]);
  }
  return out;
}

/** The line where the step holding line `i` starts (the nearest `- ` at or above it at a lower indent). */
function stepStart(lines, i) {
  if (/^\s*-\s/.test(lines[i])) return i;
  for (let j = i - 1; j >= 0; j--) if (/^\s*-\s/.test(lines[j]) && indentOf(lines[j]) < indentOf(lines[i])) return j;
  return i;
}

/**
 * Problems in one YAML text, as `file:line: message` strings. `readme` allows the action's own
 * `org/carbon-gate@vN` in usage examples, and checks permissions only in blocks that are whole workflows.
 */
export function checkWorkflowText(text, file, { readme = false, lineOffset = 0 } = {}) {
  const lines = text.split('\n');
  const problems = [];
  const at = (i, msg) => problems.push(`${file}:${i + 1 + lineOffset}: ${msg}`);
  lines.forEach((line, i) => {
    const m = /^\s*(?:-\s+)?uses:\s*(['"]?)([^\s'"#]+)\1\s*(#.*)?$/.exec(line);
    if (!m) return;
    const [, , ref, comment] = m;
    if (ref.startsWith('./')) return;
    if (readme && OWN_ACTION.test(ref)) return;
    if (!PINNED.test(ref)) at(i, `\`uses: ${ref}\` is not pinned to a full 40-hex commit SHA`);
    else if (!comment || !VERSION_COMMENT.test(comment)) at(i, `\`uses: ${ref}\` has no \`# vX.Y.Z\` version comment`);
    if (/^actions\/checkout@/.test(ref)) {
      const step = itemLines(lines, stepStart(lines, i));
      if (!step.some((l) => /^\s*persist-credentials:\s*['"]?false['"]?\s*(#.*)?$/.test(l))) at(i, 'actions/checkout without `persist-credentials: false`');
    }
  });
  const jobsAt = lines.findIndex((l) => /^jobs:\s*(#.*)?$/.test(l));
  if (jobsAt >= 0) {
    const top = lines.slice(0, jobsAt).findIndex((l) => /^permissions:/.test(l));
    if (top < 0) at(0, 'no top-level `permissions: {}` (without it, jobs without their own get the repository default)');
    else if (!/^permissions:\s*\{\s*\}\s*(#.*)?$/.test(lines[top])) at(top, 'top-level permissions grant something: grant per job, and `permissions: {}` at the top');
    for (let i = jobsAt + 1; i < lines.length; i++) {
      const job = /^ {2}([A-Za-z0-9_-]+):\s*(#.*)?$/.exec(lines[i]);
      if (!job) continue;
      const body = itemLines(lines, i).slice(1);
      if (!body.some((l) => /^ {4}permissions:/.test(l))) at(i, `job \`${job[1]}\` has no \`permissions:\` of its own`);
    }
  }
  return problems;
}

/** The ```yaml fenced blocks of a markdown text, with the line each block's first line is on. */
export function yamlBlocks(markdown) {
  const blocks = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/^```ya?ml\s*$/.test(lines[i])) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !/^```\s*$/.test(lines[end])) end++;
    blocks.push({ text: lines.slice(start, end).join('\n'), line: start });
    i = end;
  }
  return blocks;
}

/** The workflow and example files the rules and actionlint cover. */
export function workflowFiles(root) {
  const list = (dir) => {
    try {
      return readdirSync(path.join(root, dir))
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()
        .map((f) => path.join(dir, f));
    } catch {
      return [];
    }
  };
  // examples/ also holds non-workflow YAML (an OpenTelemetry Collector config): only files with a
  // top-level `jobs:` key are workflows.
  const isWorkflow = (f) => /^jobs:/m.test(readFileSync(path.join(root, f), 'utf8'));
  return [...list('.github/workflows'), ...list('examples').filter(isWorkflow)];
}

/** Every problem in the repository at `root`: its workflows, examples and the README's YAML blocks. */
export function checkRepository(root) {
  const problems = workflowFiles(root).flatMap((f) => checkWorkflowText(readFileSync(path.join(root, f), 'utf8'), f));
  for (const block of yamlBlocks(readFileSync(path.join(root, 'README.md'), 'utf8'))) {
    problems.push(...checkWorkflowText(block.text, 'README.md', { readme: true, lineOffset: block.line }));
  }
  return problems;
}
