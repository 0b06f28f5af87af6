/**
 * The database of a test: SQLite in a fresh temporary DATA_DIR, or — when the suite runs on
 * PostgreSQL (`TEST_DATABASE=postgres` with `PG_TEST_URL`, as `npm run test:server:pg` sets
 * them) — a fresh database `t_<random>` of that server, dropped with the test's folder.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompiledQuery, sql } from 'kysely';
import pg from 'pg';
import { openDatabase, type Database, type DatabaseLocation } from '../src/db/database.js';

/** Whether this run of the suite is on PostgreSQL. */
export const onPostgres = process.env.TEST_DATABASE === 'postgres';

let admin: pg.Pool | undefined;
function adminPool(): pg.Pool {
  const url = process.env.PG_TEST_URL;
  if (!url) throw new Error('TEST_DATABASE=postgres needs PG_TEST_URL, a PostgreSQL role that may create databases (npm run test:server:pg sets both)');
  // Idle connections do not keep the test process alive.
  admin ??= new pg.Pool({ connectionString: url, max: 2, allowExitOnIdle: true });
  return admin;
}

export interface TestDatabase {
  /** What `openDatabase` takes; `dataDir` exists in both modes (documents live there). */
  location: DatabaseLocation & { dataDir: string };
  /** The environment variables of `loadConfig` for it: `DATA_DIR`, and `DATABASE_URL` on PostgreSQL. */
  env: Record<string, string>;
  /** Removes the folder and, on PostgreSQL, drops the database (closing what is still connected). */
  drop(): Promise<void>;
}

/** A fresh, empty database (and DATA_DIR) for one test server or test. */
export async function createTestDatabase(prefix = 'mfc-server-test-'): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  if (!onPostgres) {
    return { location: { dataDir }, env: { DATA_DIR: dataDir }, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const pool = adminPool();
  const name = `t_${randomBytes(8).toString('hex')}`;
  await pool.query(`CREATE DATABASE ${name}`);
  const url = new URL(process.env.PG_TEST_URL!);
  url.pathname = `/${name}`;
  return {
    location: { dataDir, databaseUrl: url.href, databasePoolSize: 5 },
    env: { DATA_DIR: dataDir, DATABASE_URL: url.href },
    async drop() {
      rmSync(dataDir, { recursive: true, force: true });
      await pool.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** {@link createTestDatabase} opened (not migrated); `close()` destroys the connection, then drops it. */
export async function openTestDatabase(prefix?: string): Promise<{ db: Database; close(): Promise<void> }> {
  const database = await createTestDatabase(prefix);
  const db = openDatabase(database.location);
  return {
    db,
    async close() {
      await db.destroy();
      await database.drop();
    },
  };
}

/**
 * How the database would run `query`: the plan as text, and whether it sorts rows (so that
 * a test can prove an index gives a list its order). On PostgreSQL the plan is the one it
 * takes when scans without an index and sorts are made as dear as possible (a fresh test
 * database has too few rows, and no statistics, for the planner to prefer the index).
 */
export async function queryPlan(db: Database, query: CompiledQuery): Promise<{ text: string; sorts: boolean }> {
  if (!onPostgres) {
    const { rows } = await db.executeQuery(CompiledQuery.raw(`EXPLAIN QUERY PLAN ${query.sql}`, [...query.parameters]));
    const text = JSON.stringify(rows);
    return { text, sorts: /TEMP B-TREE/.test(text) };
  }
  return db.transaction().execute(async (trx) => {
    await sql`SET LOCAL enable_seqscan = off`.execute(trx);
    await sql`SET LOCAL enable_sort = off`.execute(trx);
    const { rows } = await trx.executeQuery(CompiledQuery.raw(`EXPLAIN (FORMAT JSON) ${query.sql}`, [...query.parameters]));
    const text = JSON.stringify(rows);
    return { text, sorts: /"Node Type":\s*"(Incremental )?Sort"/.test(text) };
  });
}
