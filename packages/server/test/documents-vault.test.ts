import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { Application, AuditLog, VaultDocument, VaultDocumentList } from '@mfc-cabinet/core/schemas';
import { assertProblem, signedIn, startServer, type TestServer } from './helpers.js';
import { attach, completeValues, documentsField, draft, move, samples, service, serviceWithLimits, submitWith, TusClient, type Citizen } from './documents-helpers.js';

let server: TestServer;
let documentsDir: string;
before(async () => {
  documentsDir = mkdtempSync(join(tmpdir(), 'mfc-documents-test-'));
  server = await startServer({ DOCUMENTS_DIR: documentsDir });
});
after(async () => {
  await server.close();
  rmSync(documentsDir, { recursive: true, force: true });
});

const maternity = () => service(server, 'maternity-capital');
const stored = (id: string) => existsSync(join(documentsDir, 'vault', id));

async function citizen(options: { level?: 'standard' | 'confirmed' } = {}): Promise<{ citizen: Citizen; tus: TusClient }> {
  const signed = await signedIn(server, options);
  return { citizen: signed, tus: new TusClient(signed) };
}

async function list(owner: Citizen, query = ''): Promise<VaultDocument[]> {
  const response = await owner.browser.get(`/api/v1/documents${query}`);
  assert.equal(response.statusCode, 200, response.body);
  return VaultDocumentList.parse(response.json()).documents;
}

async function operator() {
  return signedIn(server, { role: 'operator', level: 'confirmed' });
}

function detach(owner: Citizen, documentId: string, applicationId: string) {
  return owner.browser.post(`/api/v1/documents/${documentId}/detach`, { applicationId }, owner.csrf);
}

function remove(owner: Citizen, documentId: string) {
  return owner.browser.delete(`/api/v1/documents/${documentId}`, owner.csrf);
}

function save(owner: Citizen, applicationId: string, values: Record<string, unknown>) {
  return owner.browser.request({ method: 'PUT', url: `/api/v1/applications/${applicationId}/draft`, payload: { values }, headers: owner.csrf });
}

function submit(owner: Citizen, applicationId: string) {
  return owner.browser.post(`/api/v1/applications/${applicationId}/submit`, undefined, { ...owner.csrf, 'idempotency-key': randomUUID() });
}

/** The field errors of a problem as `field:code`. */
const codes = (problem: Record<string, unknown>) => (problem.errors as Array<{ field: string; code: string }>).map(({ field, code }) => `${field}:${code}`);

describe('the vault', () => {
  test('lists the citizen’s documents newest first, gets one, and filters by kind', async () => {
    const { citizen: owner, tus } = await citizen();
    const passport = await tus.document(samples.pdf(), { filename: 'passport.pdf', kind: 'passport' });
    await server.advance(1000);
    const snils = await tus.document(samples.jpg(), { filename: 'snils.jpg', kind: 'snils' });
    assert.deepEqual((await list(owner)).map(({ id }) => id), [snils.id, passport.id]);
    assert.deepEqual((await list(owner, '?kind=passport')).map(({ id }) => id), [passport.id]);
    const one = await owner.browser.get(`/api/v1/documents/${passport.id}`);
    assert.deepEqual(VaultDocument.parse(one.json()), passport);
    assert.equal(passport.size, samples.pdf().length);
    assert.ok(Date.parse(passport.createdAt) > 0);
    assertProblem(await owner.browser.get('/api/v1/documents/no-such-document'), 404, 'not_found');
    assertProblem(await server.browser().get('/api/v1/documents'), 401, 'unauthenticated');
  });

  test('another account’s document is not_found everywhere', async () => {
    const { tus } = await citizen();
    const document = await tus.document(samples.pdf());
    const { citizen: stranger } = await citizen();
    const application = await draft(stranger, (await maternity()).id);
    assertProblem(await stranger.browser.get(`/api/v1/documents/${document.id}`), 404, 'not_found');
    assertProblem(await stranger.browser.get(`/api/v1/documents/${document.id}/content`), 404, 'not_found');
    assertProblem(await remove(stranger, document.id), 404, 'not_found');
    assertProblem(await attach(stranger, document.id, application.id, 'documents'), 404, 'not_found');
    assertProblem(await detach(stranger, document.id, application.id), 404, 'not_found');
    assert.deepEqual(await list(stranger), []);
    assert.ok(stored(document.id), 'untouched');
  });

  test('changes need the CSRF token', async () => {
    const { citizen: owner, tus } = await citizen();
    const document = await tus.document(samples.pdf());
    assertProblem(await owner.browser.delete(`/api/v1/documents/${document.id}`), 403, 'csrf_failed');
    assertProblem(await owner.browser.post(`/api/v1/documents/${document.id}/attach`, { applicationId: 'x', fieldId: 'documents' }), 403, 'csrf_failed');
  });
});

describe('attaching to applications', () => {
  test('a document attaches to a draft’s documents field, once, and is reused in several drafts', async () => {
    const { citizen: owner, tus } = await citizen();
    const capital = await maternity();
    const fieldId = documentsField(capital).id;
    const document = await tus.document(samples.pdf(), { filename: 'birth.pdf', kind: 'Свидетельство о рождении ребёнка' });
    const first = await draft(owner, capital.id);
    const second = await draft(owner, capital.id);

    const attached = await attach(owner, document.id, first.id, fieldId);
    assert.equal(attached.statusCode, 200, attached.body);
    const application = Application.parse(attached.json());
    assert.deepEqual(application.documents, [document.id]);
    assert.deepEqual(application.values[fieldId], [document.id]);
    assert.deepEqual(Application.parse((await attach(owner, document.id, first.id, fieldId)).json()).documents, [document.id], 'once');
    assert.equal((await attach(owner, document.id, second.id, fieldId)).statusCode, 200);

    const [listed] = await list(owner);
    assert.deepEqual(listed?.attachedTo, [first.id, second.id]);
    assert.deepEqual((await list(owner, `?applicationId=${second.id}`)).map(({ id }) => id), [document.id]);

    const detached = await detach(owner, document.id, first.id);
    assert.equal(detached.statusCode, 200, detached.body);
    assert.deepEqual(Application.parse(detached.json()).documents, []);
    assert.equal((await detach(owner, document.id, first.id)).statusCode, 200, 'not attached: nothing changes');
    assert.deepEqual((await list(owner))[0]?.attachedTo, [second.id]);
  });

  test('only to the citizen’s own application, a documents field of its form, within its limits', async () => {
    const { citizen: owner, tus } = await citizen();
    const capital = await maternity();
    const document = await tus.document(samples.png());
    const { citizen: stranger } = await citizen();
    const theirs = await draft(stranger, capital.id);
    assertProblem(await attach(owner, document.id, theirs.id, 'documents'), 404, 'not_found');
    const mine = await draft(owner, capital.id);
    const field = assertProblem(await attach(owner, document.id, mine.id, 'lastName'), 400, 'validation_failed');
    assert.equal((field.errors as Array<{ field: string }>)[0]?.field, 'fieldId');
    assertProblem(await owner.browser.post(`/api/v1/documents/${document.id}/attach`, { applicationId: mine.id }, owner.csrf), 400, 'validation_failed');

    const pdfOnly = await serviceWithLimits(server, 'maternity-capital', { accept: ['pdf'], maxSize: 2048 });
    const strict = await draft(owner, pdfOnly.id);
    const type = assertProblem(await attach(owner, document.id, strict.id, 'documents'), 415, 'file_type_not_allowed');
    assert.equal(type.detail, 'PNG здесь не подходит: нужен PDF');
    const big = await tus.document(samples.pdf(3000));
    assert.equal(assertProblem(await attach(owner, big.id, strict.id, 'documents'), 413, 'file_too_large').detail, 'Файл больше 2 КБ');
  });

  test('a DOCX uploaded for a service that takes it cannot be attached where DOCX is not taken', async () => {
    const { citizen: owner, tus } = await citizen({ level: 'confirmed' });
    const company = await service(server, 'legal-entity-registration');
    const registration = await draft(owner, company.id);
    const charter = await tus.document(samples.docx(), { filename: 'Устав.docx', kind: 'Устав', applicationId: registration.id, fieldId: documentsField(company).id });
    assert.equal((await attach(owner, charter.id, registration.id, documentsField(company).id)).statusCode, 200);
    const capital = await draft(owner, (await maternity()).id);
    assertProblem(await attach(owner, charter.id, capital.id, 'documents'), 415, 'file_type_not_allowed');
  });

  test('a submitted application takes no more documents, unless it needs information and asked for them', async () => {
    const { citizen: owner, tus } = await citizen();
    const capital = await maternity();
    const first = await tus.document(samples.pdf(), { filename: 'birth.pdf', kind: 'Свидетельство о рождении ребёнка' });
    const application = await submitWith(owner, capital, first.id);
    assert.deepEqual(application.documents, [first.id]);
    const extra = await tus.document(samples.jpg(), { filename: 'income.jpg', kind: 'income' });
    const requested = await tus.document(samples.pdf(), { filename: 'passport.pdf', kind: 'passport-scan' });
    assertProblem(await attach(owner, extra.id, application.id, 'documents'), 409, 'conflict');
    assertProblem(await detach(owner, first.id, application.id), 409, 'conflict');

    await move(server, application.id, { to: 'in_review' });
    await move(server, application.id, { to: 'needs_info', requested: { documents: ['passport-scan'], fields: [] } });
    const notAsked = assertProblem(await attach(owner, extra.id, application.id, 'documents'), 409, 'conflict');
    assert.equal(notAsked.detail, 'Этот документ по заявлению не запрашивали');
    const answered = await attach(owner, requested.id, application.id, 'documents');
    assert.equal(answered.statusCode, 200, answered.body);
    assert.deepEqual(Application.parse(answered.json()).documents, [first.id, requested.id]);
    assertProblem(await detach(owner, first.id, application.id), 409, 'conflict');
  });
});

describe('the documents fields of an application', () => {
  test('hold only documents of the citizen’s own vault, once each, within the field’s limits', async () => {
    const { citizen: owner, tus } = await citizen();
    const capital = await maternity();
    const fieldId = documentsField(capital).id;
    const application = await draft(owner, capital.id);
    const values = completeValues(capital.form);
    const own = await tus.document(samples.pdf(), { filename: 'birth.pdf', kind: 'Свидетельство о рождении ребёнка' });
    const { tus: strangerTus } = await citizen();
    const theirs = await strangerTus.document(samples.pdf());
    const gone = await tus.document(samples.pdf());
    assert.equal((await remove(owner, gone.id)).statusCode, 204);
    const unknown = { field: fieldId, code: 'unknown_document', message: 'Такого документа нет среди ваших документов: приложите его заново' };

    for (const ids of [['no-such-document'], [theirs.id], [own.id, theirs.id], [gone.id]]) {
      const problem = assertProblem(await save(owner, application.id, { ...values, [fieldId]: ids }), 400, 'validation_failed');
      assert.deepEqual(problem.errors, [unknown], ids.join());
    }
    const twice = assertProblem(await save(owner, application.id, { ...values, [fieldId]: [own.id, own.id] }), 400, 'validation_failed');
    assert.deepEqual(codes(twice), [`${fieldId}:invalid`]);
    const wrongPhone = assertProblem(await save(owner, application.id, { ...values, phone: '123', [fieldId]: ['made-up'] }), 400, 'validation_failed');
    assert.deepEqual(codes(wrongPhone), ['phone:invalid', `${fieldId}:unknown_document`], 'in the form’s order, with the other fields’ errors');
    assert.deepEqual(Application.parse((await owner.browser.get(`/api/v1/applications/${application.id}`)).json()).documents, [], 'nothing saved');

    const saved = await save(owner, application.id, { ...values, [fieldId]: [own.id] });
    assert.equal(saved.statusCode, 200, saved.body);
    assert.deepEqual(Application.parse(saved.json()).documents, [own.id]);

    const pdfOnly = await serviceWithLimits(server, 'maternity-capital', { accept: ['pdf'], maxSize: 2048 });
    const strict = await draft(owner, pdfOnly.id);
    const image = await tus.document(samples.png(), { filename: 'photo.png', kind: 'passport' });
    const type = assertProblem(await save(owner, strict.id, { [fieldId]: [image.id] }), 400, 'validation_failed');
    assert.deepEqual(type.errors, [{ field: fieldId, code: 'file_type_not_allowed', message: `«${image.name}»: PNG здесь не подходит: нужен PDF` }]);
    const big = assertProblem(await save(owner, strict.id, { [fieldId]: [own.id] }), 400, 'validation_failed');
    assert.deepEqual(big.errors, [{ field: fieldId, code: 'file_too_large', message: `«${own.name}»: Файл больше 2 КБ` }]);
  });

  test('are checked again on submit: made-up and another citizen’s ids do not pass for the required documents', async () => {
    const { citizen: owner } = await citizen();
    const capital = await maternity();
    const fieldId = documentsField(capital).id;
    assert.equal(documentsField(capital).required, true);
    const { tus: strangerTus } = await citizen();
    const theirs = await strangerTus.document(samples.pdf());
    const application = await draft(owner, capital.id);
    const values = { ...completeValues(capital.form), [fieldId]: ['made-up-document', theirs.id] };
    assertProblem(await save(owner, application.id, values), 400, 'validation_failed');
    // Values saved before the check existed hold such ids all the same.
    await server.db.updateTable('applications').set({ values: JSON.stringify(values) }).where('id', '=', application.id).execute();

    const problem = assertProblem(await submit(owner, application.id), 400, 'validation_failed');
    assert.deepEqual(codes(problem), [`${fieldId}:unknown_document`]);
    const still = Application.parse((await owner.browser.get(`/api/v1/applications/${application.id}`)).json());
    assert.equal(still.status, 'draft');
    assert.equal(still.trackingNumber, null);
    assert.deepEqual(still.history, []);
  });
});

describe('an operator’s account', () => {
  test('may not start uploads or use the vault: those are the citizen’s', async () => {
    const desk = await operator();
    const tus = new TusClient(desk);
    const capital = await maternity();
    const { citizen: owner, tus: ownerTus } = await citizen();
    const document = await ownerTus.document(samples.pdf());
    const application = await draft(owner, capital.id);
    const started = assertProblem(await tus.create(samples.pdf().length, { filename: 'scan.pdf', kind: 'passport' }), 403, 'forbidden');
    assert.match(String(started.detail), /только заявителю/);
    assertProblem(await tus.create(samples.pdf().length, { filename: 'scan.pdf', kind: 'passport' }, samples.pdf()), 403, 'forbidden');
    assertProblem(await desk.browser.get('/api/v1/documents'), 403, 'forbidden');
    assertProblem(await desk.browser.get(`/api/v1/documents/${document.id}/content`), 403, 'forbidden');
    assertProblem(await attach(desk, document.id, application.id, 'documents'), 403, 'forbidden');
    assertProblem(await remove(desk, document.id), 403, 'forbidden');
    const uploads = await server.db.selectFrom('uploads').selectAll().where('accountId', '=', desk.account.id).execute();
    assert.deepEqual(uploads, [], 'no upload was started');
    assert.ok(stored(document.id));
  });
});

describe('deleting', () => {
  test('detaches the document from every draft and deletes its file', async () => {
    const { citizen: owner, tus } = await citizen();
    const capital = await maternity();
    const document = await tus.document(samples.pdf());
    const kept = await tus.document(samples.png());
    const drafts = [await draft(owner, capital.id), await draft(owner, capital.id)];
    for (const { id } of drafts) {
      await attach(owner, document.id, id, 'documents');
      await attach(owner, kept.id, id, 'documents');
    }
    const response = await remove(owner, document.id);
    assert.equal(response.statusCode, 204, response.body);
    for (const { id } of drafts) {
      const application = Application.parse((await owner.browser.get(`/api/v1/applications/${id}`)).json());
      assert.deepEqual(application.documents, [kept.id]);
    }
    assert.deepEqual((await list(owner)).map(({ id }) => id), [kept.id]);
    assert.ok(!stored(document.id), 'the file is gone');
    assertProblem(await owner.browser.get(`/api/v1/documents/${document.id}/content`), 404, 'not_found');
    assertProblem(await remove(owner, document.id), 404, 'not_found');
  });

  test('a document an application was submitted with leaves the vault but stays with the application', async () => {
    const { citizen: owner, tus } = await citizen();
    const capital = await maternity();
    const document = await tus.document(samples.pdf());
    const application = await submitWith(owner, capital, document.id);
    const later = await draft(owner, capital.id);
    await attach(owner, document.id, later.id, 'documents');
    assert.equal((await remove(owner, document.id)).statusCode, 204);
    assert.deepEqual(await list(owner), []);
    assert.deepEqual(Application.parse((await owner.browser.get(`/api/v1/applications/${later.id}`)).json()).documents, []);
    assert.ok(stored(document.id));
    const desk = await operator();
    const content = await desk.browser.get(`/api/v1/operator/applications/${application.id}/documents/${document.id}/content`);
    assert.equal(content.statusCode, 200, 'the МФЦ still has it');
  });
});

describe('operators', () => {
  test('download the documents of a submitted application, and nothing else', async () => {
    const { citizen: owner, tus } = await citizen();
    const capital = await maternity();
    const bytes = samples.pdf(4000);
    const document = await tus.document(bytes, { filename: 'Свидетельство.pdf', kind: 'Свидетельство о рождении ребёнка' });
    const unrelated = await tus.document(samples.png());
    const application = await submitWith(owner, capital, document.id);
    const desk = await operator();

    const listed = await desk.browser.get(`/api/v1/operator/applications/${application.id}/documents`);
    assert.equal(listed.statusCode, 200, listed.body);
    assert.deepEqual(VaultDocumentList.parse(listed.json()).documents.map(({ id }) => id), [document.id]);
    const content = await desk.browser.get(`/api/v1/operator/applications/${application.id}/documents/${document.id}/content`);
    assert.equal(content.statusCode, 200, content.body);
    assert.ok(content.rawPayload.equals(bytes));
    assert.equal(content.headers['content-type'], 'application/pdf');
    const log = AuditLog.parse((await desk.browser.get(`/api/v1/operator/audit?accountId=${owner.account.id}`)).json());
    assert.ok(log.entries.some(({ event }) => event === 'document_read_by_operator'), 'the operator’s download is audited');

    assertProblem(await desk.browser.get(`/api/v1/operator/applications/${application.id}/documents/${unrelated.id}/content`), 404, 'not_found');
    const { citizen: other, tus: otherTus } = await citizen();
    const theirs = await otherTus.document(samples.pdf());
    assertProblem(await desk.browser.get(`/api/v1/operator/applications/${application.id}/documents/${theirs.id}/content`), 404, 'not_found');
    assertProblem(await desk.browser.get(`/api/v1/documents/${document.id}/content`), 403, 'forbidden');

    // Another citizen's id is refused in a draft's values; put there all the same, it does not open their document to operators.
    const smuggled = await draft(other, capital.id);
    const values = { ...Application.parse((await other.browser.get(`/api/v1/applications/${smuggled.id}`)).json()).values, documents: [document.id] };
    assertProblem(await save(other, smuggled.id, values), 400, 'validation_failed');
    await server.db.updateTable('applications').set({ values: JSON.stringify(values) }).where('id', '=', smuggled.id).execute();
    assertProblem(await desk.browser.get(`/api/v1/operator/applications/${smuggled.id}/documents/${document.id}/content`), 404, 'not_found');

    const unsent = await draft(owner, capital.id);
    await attach(owner, unrelated.id, unsent.id, 'documents');
    assertProblem(await desk.browser.get(`/api/v1/operator/applications/${unsent.id}/documents`), 404, 'not_found');
    assertProblem(await desk.browser.get(`/api/v1/operator/applications/${unsent.id}/documents/${unrelated.id}/content`), 404, 'not_found');
    assertProblem(await owner.browser.get(`/api/v1/operator/applications/${application.id}/documents`), 403, 'forbidden');
  });

  test('issue results that appear in the citizen’s vault', async () => {
    const { citizen: owner, tus } = await citizen();
    const capital = await maternity();
    const application = await submitWith(owner, capital, (await tus.document(samples.pdf())).id);
    const desk = await operator();
    const issue = (id: string, body: Buffer, name = 'Решение.pdf', type = 'application/pdf') =>
      desk.browser.request({ method: 'POST', url: `/api/v1/operator/applications/${id}/results?name=${encodeURIComponent(name)}`, payload: body, headers: { ...desk.csrf, 'content-type': type } });

    const bytes = samples.pdf(6000);
    const issued = await issue(application.id, bytes);
    assert.equal(issued.statusCode, 201, issued.body);
    const result = VaultDocument.parse(issued.json());
    assert.equal(result.kind, 'result');
    assert.equal(result.applicationId, application.id);
    assert.ok(result.issuedBy);

    const vault = await list(owner, `?applicationId=${application.id}`);
    assert.ok(vault.some(({ id, kind }) => id === result.id && kind === 'result'), 'in the citizen’s vault');
    assert.deepEqual((await list(owner, '?kind=result')).map(({ id }) => id), [result.id]);
    const download = await owner.browser.get(`/api/v1/documents/${result.id}/content`);
    assert.ok(download.rawPayload.equals(bytes));
    const forDesk = VaultDocumentList.parse((await desk.browser.get(`/api/v1/operator/applications/${application.id}/documents`)).json());
    assert.ok(forDesk.documents.some(({ id }) => id === result.id));
    const log = AuditLog.parse((await desk.browser.get(`/api/v1/operator/audit?accountId=${owner.account.id}`)).json());
    assert.ok(log.entries.some(({ event }) => event === 'document_result_issued'), 'issuing a result is audited');

    const image = await issue(application.id, samples.png(), 'Справка.pdf', 'application/octet-stream');
    assert.equal(VaultDocument.parse(image.json()).name, 'Справка.png');
    assert.equal(assertProblem(await issue(application.id, samples.exe()), 415, 'file_type_not_allowed').detail, 'Это не PDF, JPG или PNG');
    assert.equal(assertProblem(await issue(application.id, samples.docx()), 415, 'file_type_not_allowed').detail, 'DOCX здесь не подходит: нужен PDF, JPG или PNG');
    assert.equal(assertProblem(await issue(application.id, samples.pdf(20 * 1024 * 1024 + 1)), 413, 'file_too_large').detail, 'Файл больше 20 МБ');
    assertProblem(await issue(application.id, Buffer.from('{}'), 'a.pdf', 'application/json'), 415, 'unsupported_media_type');
    const unsent = await draft(owner, capital.id);
    assertProblem(await issue(unsent.id, bytes), 404, 'not_found');
    assertProblem(await owner.browser.request({ method: 'POST', url: `/api/v1/operator/applications/${application.id}/results?name=a.pdf`, payload: bytes, headers: { ...owner.csrf, 'content-type': 'application/pdf' } }), 403, 'forbidden');

    // What the bytes really are: a fake PDF is refused and not kept; HTML after a PNG's end is cut off.
    const files = new Set(readdirSync(join(documentsDir, 'vault')));
    const fake = Buffer.from('%PDF-1.7\n<html><script>alert(document.cookie)</script></html>\n', 'latin1');
    assert.equal(assertProblem(await issue(application.id, fake), 415, 'file_type_not_allowed').detail, 'Файл повреждён или это не PDF');
    assert.deepEqual(readdirSync(join(documentsDir, 'vault')).filter((name) => !files.has(name)), [], 'its bytes are not kept');
    const png = samples.png();
    const withHtml = await issue(application.id, Buffer.concat([png, Buffer.from('<html><script>alert(1)</script></html>')]), 'Справка.png', 'image/png');
    assert.equal(withHtml.statusCode, 201, withHtml.body);
    const cut = VaultDocument.parse(withHtml.json());
    assert.equal(cut.size, png.length);
    assert.equal(statSync(join(documentsDir, 'vault', cut.id)).size, png.length);
    assert.ok((await owner.browser.get(`/api/v1/documents/${cut.id}/content`)).rawPayload.equals(png));

    // Deleted by the citizen, a result leaves the vault and stays with the application.
    assert.equal((await remove(owner, result.id)).statusCode, 204);
    assert.ok(!(await list(owner)).some(({ id }) => id === result.id));
    assert.equal((await desk.browser.get(`/api/v1/operator/applications/${application.id}/documents/${result.id}/content`)).statusCode, 200);
  });
});
