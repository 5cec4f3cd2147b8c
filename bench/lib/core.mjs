// Loads carbon-gate's pure core (src/core) in plain Node for the benchmark: every .ts file under src/core
// is transpiled with the project's own TypeScript (types erased, nothing bundled) into a work directory
// and imported from there, so the bench runs the very code the action runs.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

function* tsFiles(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* tsFiles(p);
    else if (e.name.endsWith('.ts')) yield p;
  }
}

/** Transpiles src/core into `outDir` and imports `module` (e.g. 'gate/compare.js') from it. */
export async function loadCore(repo, outDir, module) {
  const src = join(repo, 'src', 'core');
  for (const file of tsFiles(src)) {
    const out = join(outDir, relative(src, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(out), { recursive: true });
    const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false } });
    writeFileSync(out, outputText);
  }
  writeFileSync(join(outDir, 'package.json'), '{"type":"module"}\n');
  return import(pathToFileURL(join(outDir, module)).href);
}
