import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { Database } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrations.js';
import { features } from '../src/features.js';
import { retentionInventory } from '../src/retention.js';
import { openTestDatabase } from './database.js';

let db: Database;
let close: () => Promise<void>;
before(async () => {
  ({ db, close } = await openTestDatabase('mfc-retention-test-'));
  await migrateToLatest(db);
});
after(() => close());

const inventory = retentionInventory(features);

test('every table of the database has one fate at the closure of an account, said by the feature it belongs to', async () => {
  // Kysely's own tables (the migrations' log and lock) left out.
  const tables = (await db.introspection.getTables()).map(({ name }) => name).sort();
  const named = inventory.map(({ dbName }) => dbName);
  assert.deepEqual(tables.filter((table) => !named.includes(table)), [], 'tables no feature says the fate of');
  assert.deepEqual(named.filter((table) => !tables.includes(table)), [], 'fates of tables that do not exist');
  assert.equal(new Set(named).size, named.length, 'a table with two fates');
});

test('docs/personal-data.md says the same fate for every table', () => {
  const docs = readFileSync(new URL('../../../docs/personal-data.md', import.meta.url), 'utf8');
  const rows = new Map(
    docs
      .split('\n')
      .map((line) => /^\| `([a-z_]+)` \| ([a-z]+) \|/.exec(line))
      .filter((match) => match !== null)
      .map((match) => [match[1], match[2]]),
  );
  assert.deepEqual(
    inventory.filter(({ dbName, fate }) => rows.get(dbName) !== fate.fate).map(({ dbName, fate }) => `${dbName}: ${fate.fate} in the code, ${rows.get(dbName) ?? 'missing'} in the docs`),
    [],
  );
  assert.equal(rows.size, inventory.length, 'the docs name tables the code does not');
});
