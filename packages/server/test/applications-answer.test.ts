import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Application } from '@mfc-cabinet/core/schemas';
import { attach, move, samples, service, submitWith, TusClient, type Citizen } from './documents-helpers.js';
import { assertProblem, signedIn, startServer, type TestServer } from './helpers.js';

let server: TestServer;
let documentsDir: string;
before(async () => {
  documentsDir = mkdtempSync(join(tmpdir(), 'mfc-answer-test-'));
  server = await startServer({ DOCUMENTS_DIR: documentsDir });
});
after(async () => {
  await server.close();
  rmSync(documentsDir, { recursive: true, force: true });
});

function answer(citizen: Citizen, id: string, values: unknown) {
  return citizen.browser.post(`/api/v1/applications/${id}/answer`, { values }, citizen.csrf);
}

/** A maternity-capital application of a fresh citizen, submitted with one document, then taken into review. */
async function inReview(): Promise<{ owner: Citizen; tus: TusClient; application: Application }> {
  const owner = await signedIn(server);
  const tus = new TusClient(owner);
  const birth = await tus.document(samples.pdf(), { filename: 'birth.pdf', kind: 'Свидетельство о рождении ребёнка' });
  const application = await submitWith(owner, await service(server, 'maternity-capital'), birth.id);
  await move(server, application.id, { to: 'in_review' });
  return { owner, tus, application };
}

describe('answering a request for information', () => {
  test('takes the requested fields and documents, and moves the application back to review', async () => {
    const { owner, tus, application } = await inReview();
    await move(server, application.id, {
      to: 'needs_info',
      comment: 'Нужен скан паспорта и другой телефон',
      requested: { documents: ['passport-scan'], fields: ['phone'] },
    });

    const notAsked = assertProblem(await answer(owner, application.id, { phone: '+79161234568', lastName: 'Петрова' }), 400, 'validation_failed');
    assert.deepEqual(notAsked.errors, [{ field: 'lastName', code: 'not_requested', message: 'Эти сведения по заявлению не запрашивали' }]);

    const wrong = assertProblem(await answer(owner, application.id, { phone: '123' }), 400, 'validation_failed');
    const fields = (wrong.errors as Array<{ field: string; code: string }>).map(({ field, code }) => `${field}:${code}`);
    assert.deepEqual(fields, ['phone:invalid', 'documents:required'], 'the wrong phone, and the document not attached yet');

    const scan = await tus.document(samples.pdf(), { filename: 'passport.pdf', kind: 'passport-scan' });
    assert.equal((await attach(owner, scan.id, application.id, 'documents')).statusCode, 200);

    const answered = await answer(owner, application.id, { phone: '+79161234568' });
    assert.equal(answered.statusCode, 200, answered.body);
    const result = Application.parse(answered.json());
    assert.equal(result.status, 'in_review');
    assert.equal(result.requested, null);
    assert.equal(result.values.phone, '+79161234568');
    assert.ok(result.documents.includes(scan.id));
    assert.deepEqual(
      { ...result.history.at(-1), at: undefined },
      { at: undefined, from: 'needs_info', to: 'in_review', actor: 'citizen', officerName: null, comment: null },
    );

    const audit = await server.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('event', '=', 'application_answered')
      .where('accountId', '=', owner.account.id)
      .execute();
    assert.equal(audit.length, 1);
    assert.deepEqual(JSON.parse(audit[0]!.details!), { applicationId: application.id, fields: ['phone'] });

    assertProblem(await answer(owner, application.id, { phone: '+79161234568' }), 409, 'conflict');
  });

  test('a request for fields only needs every requested field filled in', async () => {
    const { owner, application } = await inReview();
    await move(server, application.id, { to: 'needs_info', requested: { documents: [], fields: ['email'] } });
    const missing = assertProblem(await answer(owner, application.id, {}), 400, 'validation_failed');
    assert.deepEqual((missing.errors as Array<{ field: string; code: string }>).map(({ field, code }) => `${field}:${code}`), ['email:required']);
    const answered = await answer(owner, application.id, { email: 'new@example.ru' });
    assert.equal(answered.statusCode, 200, answered.body);
    assert.equal(Application.parse(answered.json()).values.email, 'new@example.ru');
  });

  test('a requested kind needs a document attached after the request: the one submitted before does not count', async () => {
    const { owner, tus, application } = await inReview();
    await move(server, application.id, { to: 'needs_info', requested: { documents: ['Свидетельство о рождении ребёнка'], fields: [] } });
    const empty = assertProblem(await answer(owner, application.id, {}), 400, 'validation_failed');
    assert.deepEqual(empty.errors, [
      { field: 'documents', code: 'required', message: 'Приложите документ «Свидетельство о рождении ребёнка»: его запросили по заявлению' },
    ]);
    const [submittedWith] = application.documents;
    assert.ok(submittedWith);
    assert.equal((await attach(owner, submittedWith, application.id, 'documents')).statusCode, 200, 'attaching it again changes nothing');
    assertProblem(await answer(owner, application.id, {}), 400, 'validation_failed');
    const other = await tus.document(samples.pdf(), { filename: 'other.pdf', kind: 'other' });
    assert.equal((await attach(owner, other.id, application.id, 'documents')).statusCode, 409, 'a kind nobody asked for is not attached');

    const fresh = await tus.document(samples.pdf(), { filename: 'birth-2.pdf', kind: 'Свидетельство о рождении ребёнка' });
    assert.equal((await attach(owner, fresh.id, application.id, 'documents')).statusCode, 200);
    const answered = await answer(owner, application.id, {});
    assert.equal(answered.statusCode, 200, answered.body);
    assert.equal(Application.parse(answered.json()).status, 'in_review');
  });

  test('a requested documents field needs a new document in it, and every requested field is named when missing', async () => {
    const { owner, tus, application } = await inReview();
    await move(server, application.id, { to: 'needs_info', requested: { documents: [], fields: ['phone', 'documents'] } });
    const empty = assertProblem(await answer(owner, application.id, {}), 400, 'validation_failed');
    assert.deepEqual(
      (empty.errors as Array<{ field: string; code: string; message: string }>).map(({ field, code, message }) => `${field}:${code}:${message}`),
      ['phone:required:Заполните: Мобильный телефон', 'documents:required:Приложите новые документы: Сканы или фотографии документов'],
    );
    const fieldOnly = assertProblem(await answer(owner, application.id, { phone: '+79161234568' }), 400, 'validation_failed');
    assert.deepEqual((fieldOnly.errors as Array<{ field: string }>).map(({ field }) => field), ['documents']);

    const scan = await tus.document(samples.pdf(), { filename: 'scan.pdf', kind: 'passport' });
    assert.equal((await attach(owner, scan.id, application.id, 'documents')).statusCode, 200);
    const documentOnly = assertProblem(await answer(owner, application.id, {}), 400, 'validation_failed');
    assert.deepEqual((documentOnly.errors as Array<{ field: string }>).map(({ field }) => field), ['phone']);
    const answered = await answer(owner, application.id, { phone: '+79161234568' });
    assert.equal(answered.statusCode, 200, answered.body);
  });

  test('a request stored without the documents attached then counts those uploaded after it', async () => {
    const { owner, tus, application } = await inReview();
    await move(server, application.id, { to: 'needs_info', requested: { documents: ['Свидетельство о рождении ребёнка'], fields: [] } });
    // As a request was stored before the ids were kept.
    await server.db
      .updateTable('applications')
      .set({ requested: JSON.stringify({ documents: ['Свидетельство о рождении ребёнка'], fields: [] }) })
      .where('id', '=', application.id)
      .execute();
    assertProblem(await answer(owner, application.id, {}), 400, 'validation_failed');
    await server.advance(1000);
    const fresh = await tus.document(samples.pdf(), { filename: 'birth-2.pdf', kind: 'Свидетельство о рождении ребёнка' });
    assert.equal((await attach(owner, fresh.id, application.id, 'documents')).statusCode, 200);
    const answered = await answer(owner, application.id, {});
    assert.equal(answered.statusCode, 200, answered.body);
  });

  test('is a conflict unless information is requested, and not found for another citizen', async () => {
    const { owner, application } = await inReview();
    const conflict = assertProblem(await answer(owner, application.id, {}), 409, 'conflict');
    assert.match(String(conflict.detail), /На рассмотрении/);
    await move(server, application.id, { to: 'needs_info', requested: { documents: [], fields: ['email'] } });
    const stranger = await signedIn(server);
    assertProblem(await answer(stranger, application.id, { email: 'x@example.ru' }), 404, 'not_found');
    const response = await owner.browser.post(`/api/v1/applications/${application.id}/answer`, { values: { email: 'x@example.ru' } });
    assert.equal(response.statusCode, 403, 'a change needs the CSRF token');
  });

  test('refuses a body that is not values', async () => {
    const { owner, application } = await inReview();
    assertProblem(await owner.browser.post(`/api/v1/applications/${application.id}/answer`, { values: { email: 42 } }, owner.csrf), 400, 'validation_failed');
    assertProblem(await owner.browser.post(`/api/v1/applications/${application.id}/answer`, { other: 1 }, owner.csrf), 400, 'validation_failed');
  });
});
