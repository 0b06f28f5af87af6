import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Application, Profile, VaultDocument } from '@mfc-cabinet/core/schemas';
import { pdfText } from './pdf-text.js';
import { assertProblem, signedIn, startServer, type TestServer } from './helpers.js';
import { documentsField, draft, samples, service, submitWith, TusClient, type Citizen } from './documents-helpers.js';

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(() => server.close());

/** A citizen with a draft, a submitted application (with its document) and a document kept in the vault. */
async function citizenWithData(): Promise<{ citizen: Citizen; submitted: Application; kept: VaultDocument; profile: Profile }> {
  const citizen = await signedIn(server, { level: 'standard' });
  const tus = new TusClient(citizen);
  const capital = await service(server, 'maternity-capital');
  await draft(citizen, capital.id);
  const attached = await tus.document(samples.pdf(), { filename: 'Паспорт.pdf', kind: documentsField(capital).documentKinds?.[0] ?? 'passport' });
  const submitted = await submitWith(citizen, capital, attached.id);
  const kept = await tus.document(samples.png(), { filename: 'СНИЛС.png', kind: 'snils' });
  const profile = Profile.parse((await citizen.browser.get('/api/v1/profile')).json());
  return { citizen, submitted, kept, profile };
}

describe('the data export', () => {
  test('as JSON: the profile, every application with its history, the documents; only the citizen’s own', async () => {
    const { citizen, submitted, kept, profile } = await citizenWithData();
    const other = await citizenWithData();
    const response = await citizen.browser.get('/api/v1/profile/export.json');
    assert.equal(response.statusCode, 200, response.body);
    assert.match(String(response.headers['content-disposition']), /attachment; filename="cabinet-data.json"/);
    const data = response.json();
    assert.equal(data.format, 'mfc-cabinet-data-export');
    assert.equal(data.version, 1);
    assert.deepEqual(Profile.parse(data.profile), profile);
    const applications = data.applications.map((application: unknown) => Application.parse(application));
    assert.equal(applications.length, 2, 'the draft and the submitted application');
    const sent = applications.find((application: Application) => application.id === submitted.id)!;
    assert.equal(sent.trackingNumber, submitted.trackingNumber);
    assert.deepEqual(
      sent.history.map((step: Application['history'][number]) => step.to),
      submitted.history.map((step) => step.to),
    );
    const names = data.documents.map((document: unknown) => VaultDocument.parse(document).name);
    assert.ok(names.includes(kept.name), `the vault's documents: ${names}`);
    const everything = JSON.stringify(data);
    assert.ok(!everything.includes(other.profile.phone!) && !everything.includes(other.submitted.id), 'nothing of another citizen');
  });

  test('as PDF: the name, the facts, the documents with where each is, the applications', async () => {
    const { citizen, submitted, kept, profile } = await citizenWithData();
    const response = await citizen.browser.get('/api/v1/profile/export.pdf');
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.headers['content-type'], 'application/pdf');
    assert.match(String(response.headers['content-disposition']), /filename="cabinet-data.pdf"/);
    const text = await pdfText(response.rawPayload);
    assert.match(text, /Данные личного кабинета/);
    assert.ok(text.includes(String(profile.lastName)), text);
    assert.ok(text.includes(String(profile.snils)), 'the СНИЛС');
    assert.ok(text.includes(kept.name) && text.includes('в ваших документах'), 'a document of the vault, and where it is');
    assert.ok(text.includes(`приложен к ${submitted.trackingNumber}`), 'the submitted document, with its application');
    assert.ok(text.includes(String(submitted.trackingNumber)) && text.includes('Черновик'), 'the applications');
  });

  test('needs a citizen’s session: signed out it is unauthenticated, an operator is forbidden', async () => {
    for (const path of ['/api/v1/profile/export.json', '/api/v1/profile/export.pdf']) {
      assertProblem(await server.browser().get(path), 401, 'unauthenticated');
      const operator = await signedIn(server, { role: 'operator', level: 'confirmed' });
      assertProblem(await operator.browser.get(path), 403, 'forbidden');
    }
  });
});
