// Writes action.yml from the input table in src/settings/inputs.ts (run after changing inputs:
// `node scripts/gen-action-yml.mjs`). A unit test fails when action.yml and the table disagree.
import { readFileSync, writeFileSync } from 'node:fs';

const src = readFileSync('src/settings/inputs.ts', 'utf8');
const block = src.slice(src.indexOf('export const INPUTS'), src.indexOf('];', src.indexOf('export const INPUTS')));
const inputs = [...block.matchAll(/\{ name: '([^']+)', default: '([^']*)', description: '((?:[^'\\]|\\.)*)' \}/g)].map((m) => ({
  name: m[1],
  def: m[2],
  description: m[3].replace(/\\'/g, "'"),
}));
const q = (s) => `'${s.replace(/'/g, "''")}'`;
let yml = `name: 'carbon-gate'
description: 'Carbon budget for CI: measures the job's process tree, estimates energy and CO2e with a runner-aware model, and gates on a budget or a baseline.'
author: 'carbon-gate'
branding:
  icon: 'activity'
  color: 'green'
inputs:
`;
for (const i of inputs) {
  yml += `  ${i.name}:\n    description: ${q(i.description)}\n    required: false\n    default: ${q(i.def)}\n`;
}
yml += `  matrix:
    description: 'Internal: the job matrix, used for the default baseline key. Leave as is.'
    required: false
    default: '\${{ toJSON(matrix) }}'
runs:
  using: 'node24'
  pre: 'dist/pre/index.js'
  main: 'dist/main/index.js'
  post: 'dist/post/index.js'
  post-if: 'always()'
`;
writeFileSync('action.yml', yml.replace("job's", 'job’s'));
console.log(`action.yml: ${inputs.length} inputs`);

// The inputs table in README.md, between the inputs markers.
const readme = readFileSync('README.md', 'utf8');
const start = '<!-- inputs:start -->';
const end = '<!-- inputs:end -->';
const cell = (s) => s.replace(/\|/g, '\\|');
const table = ['| Input | Default | Description |', '|---|---|---|', ...inputs.map((i) => `| \`${i.name}\` | ${i.def ? `\`${cell(i.def)}\`` : '—'} | ${cell(i.description)} |`)].join('\n');
if (readme.includes(start)) {
  writeFileSync('README.md', readme.slice(0, readme.indexOf(start) + start.length) + '\n' + table + '\n' + readme.slice(readme.indexOf(end)));
  console.log('README.md: inputs table updated');
}
