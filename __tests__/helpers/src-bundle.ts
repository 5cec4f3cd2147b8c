// Runs src/ (not dist/) as separate processes: every src/**/*.ts file is transpiled on its own
// (TypeScript's transpileModule, no bundling, no type check) into a temporary tree with the same
// layout, plus `<entry>/index.js` shims laid out like dist/ (so samplerScript() finds the sampler
// next to the entry, as on a runner). Orchestration tests use it to start the real sampler from the
// sources under test, so editing src/ and running `npm test` never tests a stale bundle.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface SrcBundle {
  root: string;
  /** file: URL of `<root>/<entry>/index.js`, as an entry's import.meta.url would be in dist/. */
  entryUrl(entry: 'pre' | 'main' | 'post' | 'cli' | 'sampler'): string;
  remove(): void;
}

function* tsFiles(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* tsFiles(p);
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) yield p;
  }
}

export function transpileSrc(): SrcBundle {
  const root = mkdtempSync(path.join(os.tmpdir(), 'cg-src-'));
  const out = path.join(root, 'src');
  for (const file of tsFiles(path.join(repo, 'src'))) {
    const js = ts.transpileModule(readFileSync(file, 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
      fileName: file,
    }).outputText;
    const dest = path.join(out, path.relative(path.join(repo, 'src'), file)).replace(/\.ts$/, '.js');
    mkdirSync(path.dirname(dest), { recursive: true });
    writeFileSync(dest, js);
  }
  writeFileSync(path.join(root, 'package.json'), JSON.stringify({ type: 'module' }));
  // Packages the sources import resolve from the repository's node_modules, and data/ sits beside src/.
  symlinkSync(path.join(repo, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  symlinkSync(path.join(repo, 'data'), path.join(root, 'data'), 'dir');
  for (const entry of ['pre', 'main', 'post', 'cli', 'sampler']) {
    mkdirSync(path.join(root, entry));
    writeFileSync(path.join(root, entry, 'index.js'), `import { run } from '../src/entries/${entry}.js';\nawait run();\n`);
  }
  return {
    root,
    entryUrl: (entry) => pathToFileURL(path.join(root, entry, 'index.js')).href,
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
