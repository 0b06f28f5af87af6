/**
 * The database schema, as migrations defined in code by each feature (its `migrations.ts`)
 * and applied in name order by Kysely's Migrator. Column types are the portable ones
 * (`text`, `integer`, `bigint` for millisecond timestamps); a migration, once shipped, is
 * never edited: add a new one.
 */
import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { ServerFeature } from '../feature.js';
import { features } from '../features.js';
import type { Database } from './database.js';

/**
 * The migrations of `list`, merged and sorted by name (Kysely applies them in that order
 * and refuses a database that ran one it does not know). Throws when two features name a
 * migration alike.
 */
export function assembleMigrations(list: readonly ServerFeature[]): Record<string, Migration> {
  const merged = new Map<string, Migration>();
  for (const feature of list) {
    for (const [name, migration] of Object.entries(feature.migrations ?? {})) {
      if (merged.has(name)) throw new Error(`migration ${name} of the ${feature.name} feature is declared twice`);
      merged.set(name, migration);
    }
  }
  return Object.fromEntries([...merged].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Every migration by name, applied in name order. Exported for the tests of upgrades. */
export const migrations: Record<string, Migration> = assembleMigrations(features);

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations) };

/** Brings the schema up to date; throws when a migration fails. */
export async function migrateToLatest(db: Database): Promise<void> {
  const { error } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(`database migration failed: ${String(error)}`);
}
