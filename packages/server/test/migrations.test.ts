import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Migrator, type Kysely } from 'kysely';
import type { Database } from '../src/db/database.js';
import { isUniqueViolation } from '../src/db/dialect.js';
import type { ServerFeature } from '../src/feature.js';
import { features } from '../src/features.js';
import { assembleMigrations, migrateToLatest, migrations } from '../src/db/migrations.js';
import { sendLimitKey } from '../src/security/otp.js';
import { hashToken } from '../src/security/tokens.js';
import { openTestDatabase } from './database.js';

let db: Database;
let close: () => Promise<void>;
before(async () => {
  ({ db, close } = await openTestDatabase('mfc-migrations-test-'));
});
after(() => close());

test('the features assemble the migrations under their historical names, in their historical order', () => {
  // Databases in use ran these, in this order: a name must never change, nor its place.
  assert.deepEqual(Object.keys(migrations), [
    '0001_accounts_and_sign_in',
    '0002_registration_and_recovery',
    '0003_operators_and_sessions',
    '0004_service_catalog',
    '0005_applications',
    '0006_documents',
    '0007_operator_application_list',
    '0008_code_sends_by_challenge',
    '0009_profile_changes',
    '0010_account_closures',
    '0011_sign_ins',
    '0012_registration_address',
    '0013_catalog_translations',
    '0014_jobs',
  ]);
  const owners = features.filter((feature) => feature.migrations).map((feature) => feature.name);
  assert.deepEqual(owners, ['jobs', 'accounts', 'security', 'profile', 'auth', 'operator', 'catalog', 'applications', 'documents', 'account-closure']);
});

test('the assembly sorts migrations by name whatever the order of the features, and refuses a name used twice', () => {
  const up = async () => {};
  const late: ServerFeature = { name: 'late', migrations: { '0003_c': { up }, '0001_a': { up } } };
  const early: ServerFeature = { name: 'early', migrations: { '0002_b': { up } } };
  assert.deepEqual(Object.keys(assembleMigrations([late, early])), ['0001_a', '0002_b', '0003_c']);
  assert.throws(() => assembleMigrations([late, { name: 'again', migrations: { '0001_a': { up } } }]), /0001_a of the again feature/);
});

test('a database of the first release is upgraded with its data kept', async () => {
  const first = { '0001_accounts_and_sign_in': migrations['0001_accounts_and_sign_in']! };
  const { error } = await new Migrator({ db, provider: { getMigrations: async () => first } }).migrateToLatest();
  assert.equal(error, undefined);
  const old = db as unknown as Kysely<any>;
  const account = {
    id: 'a1',
    phone: '+79000000009',
    email: 'old@example.ru',
    snils: '112-233-445 95',
    passwordHash: '$scrypt$old',
    level: 'standard',
    secondFactor: 'sms',
    lastName: 'Старов',
    firstName: 'Олег',
    createdAt: 1_700_000_000_000,
  };
  await old.insertInto('accounts').values(account).execute();
  await old.insertInto('accounts').values({ ...account, id: 'a2', phone: '+79000000008', email: null, snils: null, level: 'simplified' }).execute();
  await old.insertInto('codeSends').values({ id: 's1', accountId: 'a1', sentAt: 1_700_000_000_000 }).execute();

  await migrateToLatest(db);

  const upgraded = await db.selectFrom('accounts').selectAll().orderBy('id').execute();
  assert.deepEqual(
    upgraded.map(({ id, lastName, firstName, registryStatus, pendingSnils, temporaryPasswordExpiresAt }) => ({
      id,
      lastName,
      firstName,
      registryStatus,
      pendingSnils,
      temporaryPasswordExpiresAt,
    })),
    [
      { id: 'a1', lastName: 'Старов', firstName: 'Олег', registryStatus: 'verified', pendingSnils: null, temporaryPasswordExpiresAt: null },
      { id: 'a2', lastName: 'Старов', firstName: 'Олег', registryStatus: 'not_submitted', pendingSnils: null, temporaryPasswordExpiresAt: null },
    ],
  );
  await db.updateTable('accounts').set({ lastName: null, firstName: null }).where('id', '=', 'a2').execute();
  assert.equal((await db.selectFrom('accounts').select('lastName').where('id', '=', 'a2').executeTakeFirstOrThrow()).lastName, null, 'names may be empty now');

  const history = await db.selectFrom('passwordHistory').select(['accountId', 'passwordHash', 'serial']).orderBy('accountId').execute();
  assert.deepEqual(history, [
    { accountId: 'a1', passwordHash: '$scrypt$old', serial: 1 },
    { accountId: 'a2', passwordHash: '$scrypt$old', serial: 1 },
  ]);
  const sends = await db.selectFrom('codeSends').selectAll().execute();
  assert.equal(sends.length, 1, 'the hour of sends is kept');
  assert.equal(sends[0]!.limitKey, hashToken(sendLimitKey('account', 'a1')), 'counted against the account as before');

  await assert.rejects(db.insertInto('accounts').values({ ...upgraded[0]!, id: 'a3' }).execute(), isUniqueViolation, 'logins stay unique');
});

test('a database of the second release gets roles, session details, audit actors and reset purposes', async () => {
  const { db: second, close: closeSecond } = await openTestDatabase('mfc-migrations-test-');
  try {
    const upTo0002 = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0003'));
    assert.deepEqual(Object.keys(upTo0002), ['0001_accounts_and_sign_in', '0002_registration_and_recovery']);
    const { error } = await new Migrator({ db: second, provider: { getMigrations: async () => upTo0002 } }).migrateToLatest();
    assert.equal(error, undefined);
    const old = second as unknown as Kysely<any>;
    const createdAt = 1_700_000_000_000;
    await old.insertInto('accounts').values({ id: 'a1', phone: '+79000000009', passwordHash: '$scrypt$old', level: 'standard', createdAt }).execute();
    await old
      .insertInto('sessions')
      .values({ id: 's1', tokenHash: 'h', accountId: 'a1', csrfToken: 'c', createdAt, idleExpiresAt: createdAt + 1, expiresAt: createdAt + 2, revokedAt: null })
      .execute();
    await old.insertInto('auditEvents').values({ id: 'e1', at: createdAt, event: 'logout', accountId: 'a1', ip: '10.0.0.1' }).execute();
    await old.insertInto('passwordResets').values({ tokenHash: 't', accountId: 'a1', expiresAt: createdAt + 1 }).execute();

    await migrateToLatest(second);

    assert.equal((await second.selectFrom('accounts').select('role').executeTakeFirstOrThrow()).role, 'citizen');
    assert.deepEqual(await second.selectFrom('sessions').select(['lastSeenAt', 'ip', 'userAgent']).execute(), [{ lastSeenAt: createdAt, ip: null, userAgent: null }]);
    assert.deepEqual(await second.selectFrom('auditEvents').select(['event', 'actorId', 'details']).execute(), [{ event: 'logout', actorId: null, details: null }]);
    assert.equal((await second.selectFrom('passwordResets').select('purpose').executeTakeFirstOrThrow()).purpose, 'recovery');
    assert.deepEqual(await second.selectFrom('identityConfirmations').selectAll().execute(), []);
  } finally {
    await closeSecond();
  }
});

test('a database of the third release gets the catalog tables, empty until seeded', async () => {
  const { db: third, close: closeThird } = await openTestDatabase('mfc-migrations-test-');
  try {
    const upTo0003 = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0004'));
    assert.equal(Object.keys(upTo0003).length, 3);
    const { error } = await new Migrator({ db: third, provider: { getMigrations: async () => upTo0003 } }).migrateToLatest();
    assert.equal(error, undefined);
    const old = third as unknown as Kysely<any>;
    await old.insertInto('accounts').values({ id: 'a1', phone: '+79000000009', passwordHash: '$scrypt$old', level: 'standard', createdAt: 1 }).execute();

    await migrateToLatest(third);

    for (const table of ['catalogCategories', 'municipalities', 'services', 'serviceDeliveryMethods', 'personalServiceLists', 'filterPresets'] as const) {
      assert.deepEqual(await third.selectFrom(table).selectAll().execute(), [], table);
    }
    assert.equal((await third.selectFrom('accounts').select('id').execute()).length, 1, 'accounts are kept');
    await assert.rejects(
      third.insertInto('personalServiceLists').values({ accountId: 'a1', list: 'favourites', serviceId: 'nope', serial: 1, addedAt: 1 }).execute(),
      /FOREIGN KEY|foreign key constraint/,
      'lists name services the catalog has',
    );
  } finally {
    await closeThird();
  }
});
