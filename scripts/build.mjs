// Bundles every entry point with ncc into dist/<entry>/index.js (ESM, with its package.json).
import { execFileSync } from 'node:child_process';
import { chmodSync, rmSync, existsSync, readFileSync, writeFileSync } from 'node:fs';

const entries = ['pre', 'main', 'post', 'sampler', 'cli'];
const only = process.argv.slice(2);
for (const entry of only.length ? only : entries) {
  const out = `dist/${entry}`;
  if (existsSync(out)) rmSync(out, { recursive: true });
  execFileSync(
    process.execPath,
    ['node_modules/@vercel/ncc/dist/ncc/cli.js', 'build', `src/entries/${entry}.ts`, '-o', out, '--license', 'licenses.txt', '-q', '--target', 'es2022'],
    { stdio: 'inherit' },
  );
  if (entry === 'cli') {
    const file = `${out}/index.js`;
    const body = readFileSync(file, 'utf8');
    if (!body.startsWith('#!')) writeFileSync(file, `#!/usr/bin/env node\n${body}`);
    // Executable in git too, so that a checkout (not only an npm install, which sets the bit) can run it.
    chmodSync(file, 0o755);
  }
}
