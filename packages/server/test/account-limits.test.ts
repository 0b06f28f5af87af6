import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { uploadDocumentHeader, VaultDocumentList } from '@mfc-cabinet/core/schemas';
import type { Database } from '../src/db/database.js';
import { orderedId } from '../src/security/tokens.js';
import { assertProblem, signedIn, startServer, type TestServer } from './helpers.js';
import { draft, samples, service, submitWith, TusClient, type Citizen } from './documents-helpers.js';

let server: TestServer;
let documentsDir: string;
before(async () => {
  documentsDir = mkdtempSync(join(tmpdir(), 'mfc-limits-test-'));
  server = await startServer({
    DOCUMENTS_DIR: documentsDir,
    MAX_OPEN_DRAFTS: '2',
    MAX_OPEN_UPLOADS: '3',
    MAX_VAULT_DOCUMENTS: '4',
    MAX_VAULT_BYTES: '40000',
  });
});
after(async () => {
  await server.close();
  rmSync(documentsDir, { recursive: true, force: true });
});

const maternity = () => service(server, 'maternity-capital');

async function citizen(): Promise<{ citizen: Citizen; tus: TusClient }> {
  const signed = await signedIn(server);
  return { citizen: signed, tus: new TusClient(signed) };
}

const meta = { filename: 'scan.pdf', kind: 'passport' };

/** Starts an upload of `bytes` (no byte sent yet); the answer to the creation. */
const start = (tus: TusClient, bytes: Buffer | number) => tus.create(typeof bytes === 'number' ? bytes : bytes.length, meta);

/** Sends every byte of a started upload in one PATCH; the answer to it. */
const finish = (tus: TusClient, url: string, bytes: Buffer) => tus.patch(url, 0, bytes);

/** Uploads `bytes` whole (creation, then one PATCH); the answer to the PATCH, or to a refused creation. */
async function upload(tus: TusClient, bytes: Buffer): Promise<LightMyRequestResponse> {
  const created = await start(tus, bytes);
  if (created.statusCode !== 201) return created;
  return finish(tus, String(created.headers.location), bytes);
}

async function uploaded(tus: TusClient, bytes: Buffer): Promise<string> {
  const response = await upload(tus, bytes);
  assert.equal(response.statusCode, 204, response.body);
  return String(response.headers[uploadDocumentHeader]);
}

async function vault(owner: Citizen) {
  const response = await owner.browser.get('/api/v1/documents');
  assert.equal(response.statusCode, 200, response.body);
  return VaultDocumentList.parse(response.json()).documents;
}

/** A document of the citizen written straight into the database, as another instance of the server would. */
const insertDocument = (db: Database, accountId: string) =>
  db
    .insertInto('documents')
    .values({
      id: orderedId(),
      accountId,
      kind: 'other',
      name: 'elsewhere.pdf',
      size: 100,
      fileType: 'pdf',
      source: 'citizen',
      applicationId: null,
      issuedBy: null,
      createdAt: server.clock.now(),
      deletedAt: null,
    })
    .execute();

const ownDocuments = async (accountId: string) =>
  (await server.db.selectFrom('documents').select('id').where('accountId', '=', accountId).where('source', '=', 'citizen').where('deletedAt', 'is', null).execute()).length;

describe('drafts per account (MAX_OPEN_DRAFTS)', () => {
  test('a draft beyond the limit is refused; submitted applications and other citizens do not count', async () => {
    const { citizen: owner, tus } = await citizen();
    const capital = await maternity();
    await draft(owner, capital.id);
    // The second draft is submitted: it stops counting.
    await submitWith(owner, capital, await uploaded(tus, samples.pdf()));
    await draft(owner, capital.id);
    const refused = await owner.browser.post('/api/v1/applications', { serviceId: capital.id }, owner.csrf);
    const problem = assertProblem(refused, 409, 'limit_reached');
    assert.equal(problem.detail, 'Не больше 2 черновиков сразу: заполните и подайте начатые заявления');

    const other = await signedIn(server);
    await draft(other, capital.id);
  });

  test('drafts created at once cannot pass the limit', async () => {
    const { citizen: owner } = await citizen();
    const capital = await maternity();
    const answers = await Promise.all([1, 2, 3, 4].map(() => owner.browser.post('/api/v1/applications', { serviceId: capital.id }, owner.csrf)));
    assert.deepEqual(answers.map(({ statusCode }) => statusCode).sort(), [201, 201, 409, 409]);
    const drafts = await server.db.selectFrom('applications').select('id').where('accountId', '=', owner.account.id).where('status', '=', 'draft').execute();
    assert.equal(drafts.length, 2);
  });
});

describe('unfinished uploads per account (MAX_OPEN_UPLOADS)', () => {
  test('one more is refused until one is finished or cancelled', async () => {
    const { tus } = await citizen();
    const urls: string[] = [];
    for (let n = 0; n < 3; n++) {
      const created = await start(tus, 3000);
      assert.equal(created.statusCode, 201, created.body);
      urls.push(String(created.headers.location));
    }
    const problem = assertProblem(await start(tus, 3000), 409, 'limit_reached');
    assert.equal(problem.detail, 'Не больше 3 незаконченных загрузок сразу: завершите или отмените начатые');
    assert.equal((await tus.terminate(urls[0]!)).statusCode, 204);
    assert.equal((await start(tus, 3000)).statusCode, 201);
  });
});

describe('documents per citizen (MAX_VAULT_DOCUMENTS)', () => {
  test('the fifth document is refused when its upload starts; deleting one frees its place', async () => {
    const { citizen: owner, tus } = await citizen();
    const ids: string[] = [];
    for (let n = 0; n < 4; n++) ids.push(await uploaded(tus, samples.pdf()));
    const problem = assertProblem(await start(tus, samples.pdf()), 409, 'limit_reached');
    assert.equal(problem.detail, 'Не больше 4 документов в ваших документах: удалите ненужные, чтобы загрузить новый');
    assert.equal((await vault(owner)).length, 4);

    assert.equal((await owner.browser.delete(`/api/v1/documents/${ids[0]}`, owner.csrf)).statusCode, 204);
    await uploaded(tus, samples.pdf());
    assert.equal(await ownDocuments(owner.account.id), 4);
  });

  test('unfinished uploads count as documents when an upload starts', async () => {
    const { tus } = await citizen();
    for (let n = 0; n < 3; n++) await uploaded(tus, samples.pdf());
    assert.equal((await start(tus, 3000)).statusCode, 201, 'the fourth place is taken by an unfinished upload');
    assertProblem(await start(tus, 3000), 409, 'limit_reached');
  });

  test('results issued by operators are not counted against the citizen', async () => {
    const { citizen: owner, tus } = await citizen();
    const application = await submitWith(owner, await maternity(), await uploaded(tus, samples.pdf()));
    const desk = await signedIn(server, { role: 'operator', level: 'confirmed' });
    for (const name of ['Решение.pdf', 'Справка.pdf', 'Выписка.pdf', 'Уведомление.pdf']) {
      const issued = await desk.browser.request({
        method: 'POST',
        url: `/api/v1/operator/applications/${application.id}/results?name=${encodeURIComponent(name)}`,
        payload: samples.pdf(6000),
        headers: { ...desk.csrf, 'content-type': 'application/pdf' },
      });
      assert.equal(issued.statusCode, 201, issued.body);
    }
    assert.equal((await vault(owner)).length, 5, 'one document of the citizen and four results');
    for (let n = 0; n < 3; n++) await uploaded(tus, samples.pdf());
    assertProblem(await start(tus, samples.pdf()), 409, 'limit_reached');
  });

  test('uploads finishing at once cannot pass the limit', async () => {
    const { citizen: owner, tus } = await citizen();
    const bytes = samples.pdf();
    const urls: string[] = [];
    for (let n = 0; n < 3; n++) {
      const created = await start(tus, bytes);
      assert.equal(created.statusCode, 201, created.body);
      urls.push(String(created.headers.location));
    }
    // Meanwhile two documents arrived another way (another instance of the server, say): two places are left.
    for (let n = 0; n < 2; n++) await insertDocument(server.db, owner.account.id);
    const answers = await Promise.all(urls.map((url) => finish(tus, url, bytes)));
    assert.deepEqual(answers.map(({ statusCode }) => statusCode).sort(), [204, 204, 409]);
    assertProblem(answers.find(({ statusCode }) => statusCode === 409)!, 409, 'limit_reached');
    assert.equal(await ownDocuments(owner.account.id), 4);
    const refused = urls[answers.findIndex(({ statusCode }) => statusCode === 409)]!;
    assert.equal((await tus.head(refused)).statusCode, 404, 'the refused upload is gone');
  });
});

describe('bytes per citizen (MAX_VAULT_BYTES)', () => {
  test('an upload whose declared length would pass the limit is refused at once; one that fits is taken', async () => {
    const { tus } = await citizen();
    await uploaded(tus, samples.pdf(25_000));
    const problem = assertProblem(await start(tus, 15_001), 409, 'limit_reached');
    assert.match(String(problem.detail), /^Документы занимают не больше 39,1 КБ, свободно 14,6 КБ: удалите ненужные/);
    await uploaded(tus, samples.pdf(15_000));
    assert.match(String(assertProblem(await start(tus, 1), 409, 'limit_reached').detail), /места не осталось/);
  });

  test('unfinished uploads count by their declared length', async () => {
    const { tus } = await citizen();
    assert.equal((await start(tus, 30_000)).statusCode, 201);
    assertProblem(await start(tus, 10_001), 409, 'limit_reached');
    assert.equal((await start(tus, 10_000)).statusCode, 201);
  });

  test('a deferred length is checked when the upload finishes', async () => {
    const { citizen: owner, tus } = await citizen();
    const created = await tus.create(null, meta);
    assert.equal(created.statusCode, 201, created.body);
    const bytes = samples.pdf(40_001);
    const answer = await tus.patch(String(created.headers.location), 0, bytes, { 'upload-length': String(bytes.length) });
    assertProblem(answer, 409, 'limit_reached');
    assert.equal(await ownDocuments(owner.account.id), 0);
    assert.equal((await server.db.selectFrom('uploads').select('id').where('accountId', '=', owner.account.id).execute()).length, 0, 'the refused upload is gone');
  });
});
