import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { features } from '../src/features.js';
import { retentionInventory } from '../src/retention.js';
import { assertProblem, signIn, signedIn, snapshot, startServer, type TestServer } from './helpers.js';
import { documentsField, draft, samples, service, submitWith, TusClient, type Citizen } from './documents-helpers.js';

let server: TestServer;
let documentsDir: string;
before(async () => {
  documentsDir = mkdtempSync(join(tmpdir(), 'mfc-closure-files-'));
  server = await startServer({ DOCUMENTS_DIR: documentsDir });
});
after(async () => {
  await server.close();
  rmSync(documentsDir, { recursive: true, force: true });
});

const close = (citizen: Citizen, currentPassword: string) => citizen.browser.post('/api/v1/profile/close', { currentPassword }, citizen.csrf);

/** A citizen with something in every table the closure touches. */
async function citizenWithEverything() {
  const citizen = await signedIn(server, { level: 'standard' });
  const tus = new TusClient(citizen);
  const capital = await service(server, 'maternity-capital');
  const kind = documentsField(capital).documentKinds?.[0] ?? 'passport';
  const unsent = await draft(citizen, capital.id);
  const submittedDocument = await tus.document(samples.pdf(), { filename: 'Паспорт.pdf', kind });
  const submitted = await submitWith(citizen, capital, submittedDocument.id);
  const vaultOnly = await tus.document(samples.png(), { filename: 'СНИЛС.png', kind: 'snils' });
  const unfinished = await tus.create(samples.pdf().length, { filename: 'Справка.pdf', kind: 'other' });
  assert.equal(unfinished.statusCode, 201, unfinished.body);
  const preset = await citizen.browser.post('/api/v1/catalog/presets', { name: 'Мои', filters: {} }, citizen.csrf);
  return { citizen, unsent, submitted, submittedDocument, vaultOnly, preset: preset.statusCode };
}

const vaultFile = (id: string) => join(documentsDir, 'vault', id);

describe('closing the account', () => {
  test('a wrong current password is refused, counts as a try, and changes nothing', async () => {
    const { citizen } = await citizenWithEverything();
    const before = await snapshot(server.db);
    const refused = assertProblem(await close(citizen, 'Not-the-password-1'), 401, 'invalid_credentials');
    assert.equal(refused['attemptsLeft'], 4);
    const afterwards = await snapshot(server.db);
    // Only the audit log and the lockout counted the wrong try.
    for (const table of Object.keys(before).filter((name) => !['auditEvents', 'loginThrottles'].includes(name))) {
      assert.deepEqual(afterwards[table], before[table], `${table} changed`);
    }
  });

  test('does what the retention of every table says, in the database and the file store', async () => {
    const { citizen, unsent, submitted, submittedDocument, vaultOnly } = await citizenWithEverything();
    const id = citizen.account.id;
    assert.ok(existsSync(vaultFile(vaultOnly.id)) && existsSync(vaultFile(submittedDocument.id)));
    assert.equal(readdirSync(join(documentsDir, 'uploads')).some((name) => !name.endsWith('.json')), true, 'an unfinished upload has bytes');
    const uploadsBefore = (await server.db.selectFrom('uploads').select('id').where('accountId', '=', id).where('documentId', 'is', null).execute()).map((row) => row.id);

    // The account's rows of every table that has an account_id, before and after.
    const db = server.db;
    const counts = async () => {
      const found = new Map<string, number>();
      const tables = await db.introspection.getTables();
      for (const { dbName } of retentionInventory(features)) {
        const columns = tables.find(({ name }) => name === dbName)?.columns.map(({ name }) => name) ?? [];
        if (!columns.includes('account_id')) continue;
        const { rows } = await sql<{ count: number }>`select count(*) as count from ${sql.table(dbName)} where account_id = ${id}`.execute(db);
        found.set(dbName, Number(rows[0]?.count));
      }
      return found;
    };
    const before = await counts();
    for (const table of ['sessions', 'password_history', 'filter_presets', 'uploads', 'documents', 'applications', 'audit_events']) {
      assert.ok((before.get(table) ?? 0) > 0, `the citizen has rows in ${table} before the closure`);
    }

    const closed = await close(citizen, citizen.account.password);
    assert.equal(closed.statusCode, 204, closed.body);
    assert.match(String(closed.headers['set-cookie']), /Max-Age=0|Expires=Thu, 01 Jan 1970/i, 'the session cookie is cleared');

    const afterwards = await counts();
    for (const { dbName, fate } of retentionInventory(features)) {
      if (!afterwards.has(dbName) || dbName === 'accounts') continue;
      const [was, is] = [before.get(dbName) ?? 0, afterwards.get(dbName) ?? 0];
      if (fate.fate === 'deleted') assert.equal(is, 0, `${dbName} is deleted, yet keeps ${is} of the account's rows`);
      if (fate.fate === 'pseudonymised') assert.ok(is >= was, `${dbName} is pseudonymised, yet lost rows (${was} → ${is})`);
    }
    const account = await db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    for (const field of ['phone', 'email', 'snils', 'lastName', 'firstName', 'middleName', 'birthDate', 'inn', 'passportSeries', 'passportNumber'] as const) {
      assert.equal(account[field], null, `accounts.${field} is erased`);
    }
    const applications = await db.selectFrom('applications').select('id').where('accountId', '=', id).execute();
    assert.deepEqual(applications.map((row) => row.id), [submitted.id], 'the submitted application stays, the draft goes');
    assert.equal((await db.selectFrom('applicationTransitions').select('id').where('applicationId', '=', unsent.id).execute()).length, 0);
    const documents = await db.selectFrom('documents').select(['id', 'deletedAt']).where('accountId', '=', id).execute();
    assert.deepEqual(documents.map((row) => row.id), [submittedDocument.id], 'the submitted document stays, the vault’s other goes');
    assert.notEqual(documents[0]?.deletedAt, null, 'and leaves the vault');
    const events = await db.selectFrom('auditEvents').select(['event', 'ip', 'details']).where('accountId', '=', id).execute();
    assert.ok(events.some((event) => event.event === 'account_closed'));
    for (const event of events) {
      assert.equal(event.details, null, `${event.event} keeps no details`);
      assert.ok(event.ip === null || event.ip.endsWith('/24') || event.ip.endsWith('/48'), `${event.event} keeps only the network: ${event.ip}`);
    }
    assert.ok(await db.selectFrom('accountClosures').select('closedAt').where('accountId', '=', id).executeTakeFirst(), 'the closure is recorded');

    // The file store: the kept document's file stays, the rest goes.
    assert.ok(existsSync(vaultFile(submittedDocument.id)), 'the submitted document’s file stays');
    assert.ok(!existsSync(vaultFile(vaultOnly.id)), 'the vault’s other file goes');
    for (const upload of uploadsBefore) assert.ok(!existsSync(join(documentsDir, 'uploads', upload)), 'the unfinished upload’s bytes go');
  });

  test('the account can never sign in again; its session ends; its phone is free', async () => {
    const { citizen } = await citizenWithEverything();
    assert.equal((await close(citizen, citizen.account.password)).statusCode, 204);
    assertProblem(await citizen.browser.get('/api/v1/profile'), 401, 'unauthenticated');
    const again = await server.browser().post('/api/v1/auth/login', { identifier: citizen.account.phone, password: citizen.account.password });
    assertProblem(again, 401, 'invalid_credentials');
    await assert.rejects(signIn(server.browser(), citizen.account));
  });

  test('is for citizens: an operator is forbidden, and nobody signed out may', async () => {
    const operator = await signedIn(server, { role: 'operator', level: 'confirmed' });
    assertProblem(await close(operator, operator.account.password), 403, 'forbidden');
    assertProblem(await server.browser().post('/api/v1/profile/close', { currentPassword: 'x' }), 401, 'unauthenticated');
  });
});
