// A data directory with a provider added as data: a copy of data/ (mkdtemp) with the rows of a fixture
// directory appended to the tables of the same name (same header) and its other files copied in. The
// caller removes the directory (rmSync) when done.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SHIPPED_DATA_DIR = path.join(ROOT, 'data');
export const FIXTURES_DIR = path.join(ROOT, '__tests__', 'fixtures');

/** Copies data/ (files only) to a fresh temporary directory and merges `fixture` (a directory under __tests__/fixtures) into it. */
export function dataDirWith(fixture: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-data-'));
  for (const f of fs.readdirSync(SHIPPED_DATA_DIR, { withFileTypes: true })) {
    if (f.isFile()) fs.copyFileSync(path.join(SHIPPED_DATA_DIR, f.name), path.join(dir, f.name));
  }
  const from = path.join(FIXTURES_DIR, fixture);
  for (const name of fs.readdirSync(from)) {
    if (!name.endsWith('.csv')) continue;
    const added = fs.readFileSync(path.join(from, name), 'utf8');
    const target = path.join(dir, name);
    if (!fs.existsSync(target)) {
      fs.writeFileSync(target, added);
      continue;
    }
    const [header, ...rows] = added.trimEnd().split('\n');
    const existing = fs.readFileSync(target, 'utf8');
    if (existing.split('\n', 1)[0] !== header) throw new Error(`fixture ${fixture}/${name}: header differs from data/${name}`);
    fs.writeFileSync(target, `${existing.endsWith('\n') ? existing : `${existing}\n`}${rows.join('\n')}\n`);
  }
  return dir;
}
