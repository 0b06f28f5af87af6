/**
 * The database: its type, assembled from the tables of the features, and opening it through
 * Kysely — the embedded SQLite file `${DATA_DIR}/cabinet.sqlite`, or PostgreSQL when
 * `DATABASE_URL` is set. Queries elsewhere use the query builder only, with timestamps as
 * integer milliseconds, and run unchanged on both; what differs is in `dialect.ts`.
 */
import { CamelCasePlugin, Kysely } from 'kysely';
import type { features } from '../features.js';
import type { TablesOf } from '../feature.js';
import { openDialect, type DatabaseLocation } from './dialect.js';
import type { TableWrites } from './table-writes.js';

export type { DatabaseLocation } from './dialect.js';

/** Every table of every feature of `features.ts` (each declares its own in its `tables.ts`). */
export type DatabaseSchema = TablesOf<typeof features>;

export type Database = Kysely<DatabaseSchema>;

/**
 * Opens the database of `location` (the configuration): PostgreSQL at `databaseUrl` when
 * given, else `cabinet.sqlite` in `dataDir`, created when missing. Columns are snake_case
 * in SQL. `writes`, when given, counts the writes of every query (by the tables' names
 * here). `destroy()` closes it (the pool's connections, for PostgreSQL).
 */
export function openDatabase(location: DatabaseLocation, writes?: TableWrites): Database {
  return new Kysely<DatabaseSchema>({
    dialect: openDialect(location),
    plugins: [...(writes ? [writes] : []), new CamelCasePlugin()],
  });
}
