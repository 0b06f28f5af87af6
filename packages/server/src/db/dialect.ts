/**
 * Where SQLite and PostgreSQL differ, in one place. The queries elsewhere are the same
 * Kysely code for both; what this file settles:
 *
 * - the connection: `better-sqlite3` on `${DATA_DIR}/cabinet.sqlite`, or a `pg.Pool` on
 *   `DATABASE_URL`;
 * - numbers: timestamps are integer milliseconds in `bigint` columns and counts are
 *   `bigint` in PostgreSQL, which `pg` returns as strings; here they are parsed to
 *   `number` (as SQLite returns them), with `sum()` (PostgreSQL's `numeric`) too;
 * - column types a migration needs per dialect ({@link columnTypes});
 * - the error of a unique constraint ({@link isUniqueViolation}).
 *
 * Booleans are integers 0/1 and JSON is `text` in both, written and read by the code.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { PostgresAdapter, PostgresDialect, SqliteDialect, type Dialect, type Kysely } from 'kysely';
import pg from 'pg';

export type DialectName = 'sqlite' | 'postgres';

/** Where the database is: the settings `openDatabase` reads of the configuration. */
export interface DatabaseLocation {
  /** Folder of `cabinet.sqlite`, used when there is no `databaseUrl`. */
  dataDir: string;
  /** `postgres://…`: PostgreSQL instead of SQLite. */
  databaseUrl?: string | undefined;
  /** Connections of the PostgreSQL pool. */
  databasePoolSize?: number | undefined;
}

/** The PostgreSQL pool's size when the configuration does not say. */
export const defaultPoolSize = 10;

// PostgreSQL's type ids (pg_type.oid): int8 (bigint, count()) and numeric (sum() of bigint).
const int8Oid = 20;
const numericOid = 1700;

/** Numbers as numbers: every integer this server keeps is well within 2^53 (milliseconds, bytes, counts). */
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === int8Oid || oid === numericOid ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

/** The Kysely dialect for `location`. */
export function openDialect(location: DatabaseLocation): Dialect {
  if (location.databaseUrl) {
    const pool = new pg.Pool({ connectionString: location.databaseUrl, max: location.databasePoolSize ?? defaultPoolSize, types });
    // An idle connection that fails (PostgreSQL restarted, the connection was terminated) is
    // dropped by the pool, which opens another for the next query; without a listener, its
    // error would end the process. A query's own failure still reaches its caller.
    pool.on('error', () => {});
    return new PostgresDialect({ pool });
  }
  mkdirSync(location.dataDir, { recursive: true });
  const sqlite = new SqliteDatabase(join(location.dataDir, 'cabinet.sqlite'));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  return new SqliteDialect({ database: sqlite });
}

/** Which database `db` is, by its adapter (so that migrations, given an untyped Kysely, can ask). */
export function dialectOf(db: Kysely<any>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/**
 * Column types that must differ per dialect, for migrations. `millis`: a timestamp in
 * milliseconds declared `integer` by a shipped migration — SQLite keeps `integer` (64-bit
 * there; its DDL is unchanged), PostgreSQL needs `bigint` (its `integer` is 32-bit).
 */
export function columnTypes(db: Kysely<any>): { millis: 'integer' | 'bigint' } {
  return { millis: dialectOf(db) === 'postgres' ? 'bigint' : 'integer' };
}

/** Whether `error` is the refusal of a unique constraint or primary key, in either database. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}
