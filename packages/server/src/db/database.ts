/**
 * The embedded database: its type, assembled from the tables of the features, and opening
 * `${DATA_DIR}/cabinet.sqlite` through Kysely. Queries elsewhere use the query builder
 * only, with timestamps as integer milliseconds, so that PostgreSQL can replace SQLite
 * without touching them.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import type { features } from '../features.js';
import type { TablesOf } from '../feature.js';
import type { TableWrites } from './table-writes.js';

/** Every table of every feature of `features.ts` (each declares its own in its `tables.ts`). */
export type DatabaseSchema = TablesOf<typeof features>;

export type Database = Kysely<DatabaseSchema>;

/**
 * Opens (creating when missing) `cabinet.sqlite` in `dataDir`. Columns are snake_case in
 * SQL. `writes`, when given, counts the writes of every query (by the tables' names here).
 */
export function openDatabase(dataDir: string, writes?: TableWrites): Database {
  mkdirSync(dataDir, { recursive: true });
  const sqlite = new SqliteDatabase(join(dataDir, 'cabinet.sqlite'));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  return new Kysely<DatabaseSchema>({
    dialect: new SqliteDialect({ database: sqlite }),
    plugins: [...(writes ? [writes] : []), new CamelCasePlugin()],
  });
}
