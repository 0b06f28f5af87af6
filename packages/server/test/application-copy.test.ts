import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { FormField, Service } from '@mfc-cabinet/core/catalog-schemas';
import { Application } from '@mfc-cabinet/core/schemas';
import { completeValues, samples, TusClient, type Citizen } from './documents-helpers.js';
import { assertProblem, signedIn, startServer, type TestServer } from './helpers.js';
import { pdfText } from './pdf-text.js';

let server: TestServer;
before(async () => (server = await startServer()));
after(() => server.close());

const fieldsOf = (service: Service): FormField[] => service.form.steps.flatMap((step) => step.fields);

/** The first available service anyone may apply for whose form has a documents field, a date and a choice. */
async function richService(): Promise<Service> {
  const rows = await server.db.selectFrom('services').select('id').where('requiredLevel', '=', 'simplified').where('availability', '=', 'available').orderBy('id').execute();
  for (const { id } of rows) {
    const service = (await server.browser().get(`/api/v1/catalog/services/${id}`)).json() as Service;
    const types = new Set(fieldsOf(service).map((field) => field.type));
    if (types.has('documents') && types.has('date') && types.has('select')) return service;
  }
  throw new Error('no service with documents, a date and a choice');
}

/** An application of `citizen` to `service`, filled in and submitted, a scan named «scan_0012.pdf» in its documents field. */
async function submitted(citizen: Citizen, service: Service): Promise<Application> {
  const field = fieldsOf(service).find((candidate) => candidate.type === 'documents')!;
  const document = await new TusClient(citizen).document(samples.pdf(), { filename: 'scan_0012.pdf', kind: field.documentKinds?.[0] ?? 'other' });
  const draft = Application.parse((await citizen.browser.post('/api/v1/applications', { serviceId: service.id }, citizen.csrf)).json());
  const values = completeValues(service.form, [document.id]);
  const saved = await citizen.browser.request({ method: 'PUT', url: `/api/v1/applications/${draft.id}/draft`, payload: { values }, headers: citizen.csrf });
  assert.equal(saved.statusCode, 200, saved.body);
  const response = await citizen.browser.post(`/api/v1/applications/${draft.id}/submit`, undefined, { ...citizen.csrf, 'idempotency-key': randomUUID() });
  assert.equal(response.statusCode, 200, response.body);
  return Application.parse(response.json());
}

describe('the printable copy of an application', () => {
  test('shows what was submitted: the answers with their labels, the documents by what they are, the number and the history', async () => {
    const citizen = await signedIn(server);
    const service = await richService();
    const application = await submitted(citizen, service);
    const response = await citizen.browser.get(`/api/v1/applications/${application.id}/copy.pdf`);
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.headers['content-type'], 'application/pdf');
    assert.match(String(response.headers['content-disposition']), /filename="copy-/);
    const text = await pdfText(response.rawPayload);
    const has = (part: string) => assert.ok(text.includes(part.replace(/\s+/g, ' ')), `«${part}» in ${text}`);
    has('Копия заявления');
    has('МФЦ');
    has(application.trackingNumber!);
    has(service.title);
    has('Подано');
    for (const step of service.form.steps) has(step.title);
    const fields = fieldsOf(service);
    const date = fields.find((field) => field.type === 'date')!;
    const select = fields.find((field) => field.type === 'select')!;
    const checkbox = fields.find((field) => field.type === 'checkbox');
    const documents = fields.find((field) => field.type === 'documents')!;
    has(date.label);
    has('17.05.1990');
    assert.ok(!text.includes('1990-05-17'), 'the date as ДД.ММ.ГГГГ');
    has(select.label);
    has(select.options![0]!.label);
    if (checkbox) has(checkbox.label), has('Да');
    has(documents.documentKinds?.[0] ?? documents.label);
    has('scan_0012.pdf');
    // The optional fields left empty, if any, say so.
    if (fields.some((field) => field.type !== 'checkbox' && field.type !== 'documents' && application.values[field.id] === undefined)) has('Не указано');
    // The history, in Moscow time.
    const at = new Intl.DateTimeFormat('ru-RU', { timeZone: 'Europe/Moscow', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(application.submittedAt!));
    has(at);
  });

  test('is the citizen’s own: another citizen’s application is not_found, and signed out is 401', async () => {
    const owner = await signedIn(server);
    const application = await submitted(owner, await richService());
    const stranger = await signedIn(server);
    assertProblem(await stranger.browser.get(`/api/v1/applications/${application.id}/copy.pdf`), 404, 'not_found');
    assertProblem(await owner.browser.get('/api/v1/applications/no-such-application/copy.pdf'), 404, 'not_found');
    assertProblem(await server.browser().get(`/api/v1/applications/${application.id}/copy.pdf`), 401, 'unauthenticated');
  });

  test('is described in the OpenAPI document', async () => {
    const document = (await server.browser().get('/api/v1/openapi.json')).json();
    const operation = document.paths['/api/v1/applications/{id}/copy.pdf']?.get;
    assert.equal(operation?.operationId, 'getApplicationCopyPdf');
    assert.ok(operation.responses['404'] && operation.responses['401']);
  });
});
