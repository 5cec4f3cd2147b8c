// Reads carbon-gate's reference tables from data/ (synchronously) and builds the typed Tables.
// The data directory is found at run time, not at build time: the bundles (dist/<entry>/index.js)
// and this source file (src/data/tables.ts) both sit two directories below the repository root.
// The path is built from variables so that ncc's asset relocator does not rewrite or copy it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildTables, INSTANCE_FILE, TABLE_FILES, type TableFileTexts, type Tables } from '../core/model/tables.js';

export type { Tables } from '../core/model/tables.js';

export const DATA_DIR_ENV = 'CARBON_GATE_DATA_DIR';
const DATA_DIR_NAME = ['da', 'ta'].join('');
const MARKER = TABLE_FILES.constants;

function rootAbove(file: string | undefined, p: path.PlatformPath): string | null {
  if (!file) return null;
  // file → its directory (src/data or dist/<entry>) → two levels up = repository root
  const dir = p.dirname(file);
  return p.dirname(p.dirname(dir));
}

function moduleFile(): string | undefined {
  try {
    const url = import.meta.url;
    return typeof url === 'string' && url.startsWith('file:') ? fileURLToPath(url) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Candidate data directories, in order: env override, next to this module, next to the entry script.
 * `from` and `p` are for tests (path.win32 for the Windows runner's drive-letter paths).
 */
export function dataDirCandidates(
  env: NodeJS.ProcessEnv = process.env,
  from: { moduleFile?: string; entryScript?: string } = { moduleFile: moduleFile(), entryScript: process.argv[1] },
  p: path.PlatformPath = path,
): string[] {
  const out: string[] = [];
  const fromEnv = env[DATA_DIR_ENV]?.trim();
  if (fromEnv) return [p.resolve(fromEnv)];
  for (const root of [rootAbove(from.moduleFile, p), rootAbove(from.entryScript ? p.resolve(from.entryScript) : undefined, p)]) {
    if (root) out.push(p.join(root, DATA_DIR_NAME));
  }
  return [...new Set(out)];
}

export function resolveDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const candidates = dataDirCandidates(env);
  for (const dir of candidates) {
    if (fs.existsSync(path.join(dir, MARKER))) return dir;
  }
  throw new Error(
    `carbon-gate: reference data not found (looked for ${MARKER} in ${candidates.join(', ') || 'no candidate'}); set ${DATA_DIR_ENV} to the data directory`,
  );
}

const cache = new Map<string, Tables>();

/**
 * Loads and validates every table of a data directory (the shipped data/, or the copy CARBON_GATE_DATA_DIR
 * names, e.g. with a provider added). Cached per directory for the life of the process.
 */
export function loadTables(dataDir?: string): Tables {
  const dir = dataDir ? path.resolve(dataDir) : resolveDataDir();
  const hit = cache.get(dir);
  if (hit) return hit;
  const texts = { instances: {} } as unknown as TableFileTexts;
  for (const [role, file] of Object.entries(TABLE_FILES) as Array<[keyof typeof TABLE_FILES, string]>) {
    texts[role] = fs.readFileSync(path.join(dir, file), 'utf8');
  }
  // One instance file per provider, found by name (instance-types-<provider>.csv): a new provider needs no code.
  for (const file of fs.readdirSync(dir).sort()) {
    const m = INSTANCE_FILE.exec(file);
    if (m) texts.instances[m[1]] = fs.readFileSync(path.join(dir, file), 'utf8');
  }
  const tables = buildTables(texts);
  cache.set(dir, tables);
  return tables;
}
