// The fork recipe (examples/workflow-run-comment.yml): its github-script step is extracted and run the
// way actions/github-script runs it (an async function of github, context, core, require), with the real
// Octokit against the GitHub REST stand-in and an artifact directory as download-artifact leaves it.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ACTIONS_BOT, startGitHubApi, type GitHubApi } from '../helpers/standins/github-api.js';
import { runResult } from '../helpers/run-result-fixture.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const YAML = readFileSync(path.join(ROOT, 'examples', 'workflow-run-comment.yml'), 'utf8');

/** The block scalar after `script: |`, de-indented. */
function extractScript(yaml: string): string {
  const lines = yaml.split('\n');
  const start = lines.findIndex((l) => /^\s+script: \|\s*$/.test(l));
  if (start < 0) throw new Error('no script block');
  const body: string[] = [];
  let indent = -1;
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '') {
      body.push('');
      continue;
    }
    const ind = line.length - line.trimStart().length;
    if (indent < 0) indent = ind;
    if (ind < indent) break;
    body.push(line.slice(indent));
  }
  return body.join('\n');
}

let gh: GitHubApi;
beforeAll(async () => {
  gh = await startGitHubApi();
});
afterAll(async () => {
  await gh?.stop();
});
beforeEach(() => {
  gh.comments.length = 0;
  gh.pulls.length = 0;
});

async function runRecipe(dir: string, headSha: string): Promise<string[]> {
  const { getOctokit } = await import('@actions/github');
  const github = getOctokit('ghs_recipetoken', { baseUrl: gh.url });
  const logs: string[] = [];
  const core = { info: (m: string) => logs.push(m), warning: (m: string) => logs.push(`warning: ${m}`) };
  const context = {
    repo: { owner: 'octo', repo: 'repo' },
    payload: { workflow_run: { id: 555, html_url: 'https://github.com/octo/repo/actions/runs/555', head_sha: headSha, head_branch: 'patch-1', head_repository: { full_name: 'forker/repo', owner: { login: 'forker' } } } },
  };
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...a: unknown[]) => Promise<unknown>;
  const fn = new AsyncFunction('github', 'context', 'core', 'require', extractScript(YAML));
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    await fn(github, context, core, createRequire(import.meta.url));
  } finally {
    process.chdir(cwd);
  }
  return logs;
}

function artifactDir(result: unknown, name = 'carbon-gate-build-default'): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'cg-recipe-'));
  mkdirSync(path.join(dir, 'carbon-gate', name), { recursive: true });
  writeFileSync(path.join(dir, 'carbon-gate', name, 'carbon-gate.json'), JSON.stringify(result));
  return dir;
}

const SHA = 'ab'.repeat(20);

describe('workflow_run fork recipe', () => {
  test('finds the fork PR by head SHA and writes one sticky comment; a second run changes nothing', async () => {
    gh.pulls.push({ repo: 'octo/repo', number: 41, state: 'open', head: { sha: SHA, ref: 'patch-1', label: 'forker:patch-1', repo: { full_name: 'forker/repo' } } });
    const r = runResult({ job: { ...runResult().job, key: 'CI/build/default' }, verdict: { status: 'warn', failBuild: false, headline: 'x', reasons: [] } });
    const dir = artifactDir(r);
    await runRecipe(dir, SHA);
    const comments = gh.commentsOn('octo/repo', 41);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.user).toEqual(ACTIONS_BOT);
    expect(comments[0]!.body.startsWith('<!-- carbon-gate:CI/build/default -->')).toBe(true);
    expect(comments[0]!.body).toContain('⚠️ warn');
    expect(comments[0]!.body).toContain('| gCO2e | 0.12 |');
    const writes = gh.requests.filter((q) => q.method !== 'GET').length;
    await runRecipe(dir, SHA);
    expect(gh.commentsOn('octo/repo', 41)).toHaveLength(1);
    expect(gh.requests.filter((q) => q.method !== 'GET').length).toBe(writes);
  });

  test('falls back to all open PRs when the head filter finds nothing (renamed branch)', async () => {
    gh.pulls.push({ repo: 'octo/repo', number: 42, state: 'open', head: { sha: SHA, ref: 'other', label: 'forker:other', repo: { full_name: 'forker/repo' } } });
    await runRecipe(artifactDir(runResult()), SHA);
    expect(gh.commentsOn('octo/repo', 42)).toHaveLength(1);
  });

  test('hostile artifact content is escaped and cannot break the marker', async () => {
    gh.pulls.push({ repo: 'octo/repo', number: 43, state: 'open', head: { sha: SHA, ref: 'patch-1', label: 'forker:patch-1', repo: { full_name: 'forker/repo' } } });
    const evil = {
      job: { key: 'x --> <img src=x onerror=alert(1)>', label: '<script>alert(1)</script> @maintainers' },
      verdict: { status: '<b>pass</b>', regression: { deltaPercent: '9999', runs: 'many' } },
      emissions: { gatedGCo2e: '1e9' },
      energy: { totalWh: 0.5, durationSeconds: 30 },
    };
    await runRecipe(artifactDir(evil), SHA);
    const body = gh.commentsOn('octo/repo', 43)[0]!.body;
    const markerLine = body.split('\n')[0]!;
    expect(markerLine.endsWith(' -->')).toBe(true);
    expect(markerLine.slice(4, -4)).not.toContain('--');
    expect(markerLine).not.toContain('<img');
    expect(body).not.toContain('<script>');
    expect(body).not.toContain('<b>');
    expect(body).not.toContain('@maintainers');
    expect(body).toContain('❔ unknown');
    expect(body).toContain('no baseline comparison');
    expect(body).toContain('| gCO2e | — |');
    expect(body).toContain('| Energy (Wh) | 0.5 |');
  });

  test('no matching PR: no comment', async () => {
    gh.pulls.push({ repo: 'octo/repo', number: 44, state: 'open', head: { sha: 'cd'.repeat(20), ref: 'patch-1', label: 'forker:patch-1', repo: { full_name: 'forker/repo' } } });
    const logs = await runRecipe(artifactDir(runResult()), SHA);
    expect(gh.comments).toHaveLength(0);
    expect(logs.join('\n')).toContain('No open PR has head');
  });
});
