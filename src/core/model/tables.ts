// The model's reference tables: shapes (table-types.ts), parsing (build-tables.ts) and look-ups
// (lookups.ts), re-exported here as one door for the rest of core. src/data/tables.ts reads the files.
export * from './table-types.js';
export { buildTables, parseAllTables } from './build-tables.js';
export * from './lookups.js';
