// Fails when dist/ differs from a fresh build or carries a broken ESM/CJS bundle.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

let failed = false;
for (const dir of readdirSync('dist')) {
  const js = readFileSync(`dist/${dir}/index.js`, 'utf8');
  if (js.includes('webpackMissingModule')) {
    console.error(`dist/${dir}/index.js contains webpackMissingModule: the bundle would throw at run time`);
    failed = true;
  }
  const pkg = JSON.parse(readFileSync(`dist/${dir}/package.json`, 'utf8'));
  if (pkg.type !== 'module') {
    console.error(`dist/${dir}/package.json is not {"type":"module"}`);
    failed = true;
  }
}
const diff = execFileSync('git', ['status', '--porcelain', '--', 'dist'], { encoding: 'utf8' });
if (diff.trim()) {
  console.error(`dist/ differs from the committed files after a build:\n${diff}`);
  console.error(execFileSync('git', ['diff', '--stat', '--', 'dist'], { encoding: 'utf8' }));
  failed = true;
}
if (failed) process.exit(1);
console.log('dist/ matches the sources');
