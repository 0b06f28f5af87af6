import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FormDefinition, Service } from '@mfc-cabinet/core/catalog-schemas';
import { completeValues as completeValuesWith } from '../../../test-support/form-values.js';
import { Application, ApplicationPage, AuditLog } from '@mfc-cabinet/core/schemas';
import type { FormValue } from '@mfc-cabinet/core/forms';
import { addWorkingDays } from '../src/applications/working-days.js';
import { queryPlan } from './database.js';
import { samples, TusClient } from './documents-helpers.js';
import { assertProblem, snapshot, signedIn, startServer, type TestServer } from './helpers.js';

let server: TestServer;
before(async () => (server = await startServer()));
after(() => server.close());

type Citizen = Awaited<ReturnType<typeof signedIn>>;

/** The first available service that asks for `level` and has a documents field. */
async function serviceFor(level: 'simplified' | 'confirmed'): Promise<Service> {
  const rows = await server.db
    .selectFrom('services')
    .select('id')
    .where('requiredLevel', '=', level)
    .where('availability', '=', 'available')
    .orderBy('id')
    .execute();
  for (const { id } of rows) {
    const response = await server.browser().get(`/api/v1/catalog/services/${id}`);
    assert.equal(response.statusCode, 200, response.body);
    const service = response.json() as Service;
    if (service.form.steps.some((step) => step.fields.some((field) => field.type === 'documents'))) return service;
  }
  throw new Error(`no ${level} service with documents`);
}

/** Right values of every field of the form, a document of the citizen's vault in its documents fields. */
async function completeValues(citizen: Citizen, form: FormDefinition): Promise<Record<string, FormValue>> {
  const document = await new TusClient(citizen).document(samples.pdf());
  return completeValuesWith(form, [document.id]);
}

async function draft(citizen: Citizen, service: Service): Promise<Application> {
  const response = await citizen.browser.post('/api/v1/applications', { serviceId: service.id }, citizen.csrf);
  assert.equal(response.statusCode, 201, response.body);
  return Application.parse(response.json());
}

function save(citizen: Citizen, id: string, values: Record<string, FormValue>) {
  return citizen.browser.request({ method: 'PUT', url: `/api/v1/applications/${id}/draft`, payload: { values }, headers: citizen.csrf });
}

function submit(citizen: Citizen, id: string, key: string = randomUUID()) {
  return citizen.browser.post(`/api/v1/applications/${id}/submit`, undefined, { ...citizen.csrf, 'idempotency-key': key });
}

/** A submitted application of a fresh citizen. */
async function submitted(citizen?: Citizen): Promise<{ citizen: Citizen; application: Application; service: Service }> {
  const owner = citizen ?? (await signedIn(server));
  const service = await serviceFor('simplified');
  const { id } = await draft(owner, service);
  assert.equal((await save(owner, id, await completeValues(owner, service.form))).statusCode, 200);
  const response = await submit(owner, id);
  assert.equal(response.statusCode, 200, response.body);
  return { citizen: owner, application: Application.parse(response.json()), service };
}

async function move(id: string, body: unknown) {
  const operator = await signedIn(server, { role: 'operator', level: 'confirmed' });
  return operator.browser.post(`/api/v1/operator/applications/${id}/transitions`, body, operator.csrf);
}

describe('drafts', () => {
  test('start from a service, filled in from the profile, and are resumed from another device', async () => {
    const citizen = await signedIn(server);
    const service = await serviceFor('simplified');
    const application = await draft(citizen, service);
    assert.equal(application.status, 'draft');
    assert.equal(application.trackingNumber, null);
    assert.equal(application.serviceTitle, service.title);
    assert.equal(application.values.phone, citizen.account.phone, 'the phone comes from the profile');
    assert.deepEqual(application.history, []);

    const documentsField = service.form.steps.flatMap((step) => step.fields).find((field) => field.type === 'documents')!;
    const document = await new TusClient(citizen).document(samples.pdf());
    const values = { ...application.values, [documentsField.id]: [document.id] };
    const saved = await save(citizen, application.id, values);
    assert.equal(saved.statusCode, 200, saved.body + JSON.stringify(values));
    assert.deepEqual(Application.parse(saved.json()).documents, [document.id]);

    const otherDevice = server.browser();
    const login = await otherDevice.login(citizen.account.phone, citizen.account.password);
    assert.equal(login.statusCode, 200);
    const resumed = Application.parse((await otherDevice.get(`/api/v1/applications/${application.id}`)).json());
    assert.deepEqual(resumed.values, values);
  });

  test('an unknown service is not_found, one not taking applications is conflict', async () => {
    const citizen = await signedIn(server);
    assertProblem(await citizen.browser.post('/api/v1/applications', { serviceId: 'no-such-service' }, citizen.csrf), 404, 'not_found');
    const closed = await server.db.selectFrom('services').select('id').where('availability', '!=', 'available').executeTakeFirstOrThrow();
    assertProblem(await citizen.browser.post('/api/v1/applications', { serviceId: closed.id }, citizen.csrf), 409, 'conflict');
  });

  test('saving checks only what is filled in, through the shared validator', async () => {
    const citizen = await signedIn(server);
    const { id } = await draft(citizen, await serviceFor('simplified'));
    assert.equal((await save(citizen, id, {})).statusCode, 200);
    const problem = assertProblem(await save(citizen, id, { phone: '123', unknown: 'x' }), 400, 'validation_failed');
    assert.deepEqual(
      (problem.errors as Array<{ field: string; code: string }>).map(({ field, code }) => `${field}:${code}`),
      ['phone:invalid', 'unknown:unknown_field'],
    );
  });

  test('need a session and the CSRF token', async () => {
    assertProblem(await server.browser().get('/api/v1/applications'), 401, 'unauthenticated');
    const citizen = await signedIn(server);
    assertProblem(await citizen.browser.post('/api/v1/applications', { serviceId: 'x' }), 403, 'csrf_failed');
  });

  test('are a citizen’s: an operator’s account is forbidden every citizen route, and nothing changes', async () => {
    const service = await serviceFor('simplified');
    const { application } = await submitted();
    const operator = await signedIn(server, { role: 'operator', level: 'confirmed' });
    const before = await snapshot(server.db);
    const created = assertProblem(await operator.browser.post('/api/v1/applications', { serviceId: service.id }, operator.csrf), 403, 'forbidden');
    assert.match(String(created.detail), /только заявителю/);
    const id = application.id;
    for (const response of [
      await operator.browser.get('/api/v1/applications'),
      await operator.browser.get(`/api/v1/applications/${id}`),
      await save(operator, id, {}),
      await submit(operator, id),
      await operator.browser.post(`/api/v1/applications/${id}/withdraw`, undefined, operator.csrf),
      await operator.browser.post(`/api/v1/applications/${id}/answer`, { values: {} }, operator.csrf),
      await operator.browser.get('/api/v1/applications/export.csv'),
    ]) {
      assertProblem(response, 403, 'forbidden');
    }
    const after = await snapshot(server.db);
    assert.deepEqual({ ...after, sessions: [] }, { ...before, sessions: [] }, 'nothing but the session changed');
  });
});

describe('submitting', () => {
  test('gives a tracking number and an expected date in working days, and refuses a second key', async () => {
    const { citizen, application, service } = await submitted();
    assert.equal(application.status, 'submitted');
    assert.match(application.trackingNumber ?? '', /^MFC-\d{4}-\d{6}$/);
    assert.ok(application.expectedCompletionDate! > application.submittedAt!.slice(0, 10));
    const weekday = new Date(`${application.expectedCompletionDate}T00:00:00Z`).getUTCDay();
    assert.ok(weekday !== 0 && weekday !== 6, 'never on a weekend');
    assert.ok(service.termDays >= 1);
    assert.deepEqual(
      application.history.map(({ from, to, actor, officerName }) => ({ from, to, actor, officerName })),
      [{ from: 'draft', to: 'submitted', actor: 'citizen', officerName: null }],
    );
    assertProblem(await submit(citizen, application.id), 409, 'conflict');
    assertProblem(await save(citizen, application.id, {}), 409, 'conflict');
  });

  test('working days skip weekends', () => {
    assert.equal(addWorkingDays('2026-11-20', 1), '2026-11-23', 'Friday + 1 is Monday');
    assert.equal(addWorkingDays('2026-11-21', 5), '2026-11-27', 'from a Saturday');
    assert.equal(addWorkingDays('2026-11-23', 10), '2026-12-07');
  });

  test('tracking numbers are sequential', async () => {
    const first = (await submitted()).application.trackingNumber!;
    const second = (await submitted()).application.trackingNumber!;
    assert.equal(Number(second.slice(-6)), Number(first.slice(-6)) + 1);
  });

  test('the same key, also concurrently, submits once', async () => {
    const citizen = await signedIn(server);
    const service = await serviceFor('simplified');
    const { id } = await draft(citizen, service);
    assert.equal((await save(citizen, id, await completeValues(citizen, service.form))).statusCode, 200);
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 5 }, () => submit(citizen, id, key)));
    for (const answer of answers) assert.equal(answer.statusCode, 200, answer.body);
    const numbers = new Set(answers.map((answer) => Application.parse(answer.json()).trackingNumber));
    assert.equal(numbers.size, 1);
    const replay = Application.parse((await submit(citizen, id, key.toUpperCase())).json());
    assert.equal(replay.history.length, 1, 'one history entry');
    assert.equal(replay.trackingNumber, [...numbers][0]);
    const rows = await server.db.selectFrom('applicationTransitions').selectAll().where('applicationId', '=', id).execute();
    assert.equal(rows.length, 1);
    const audit = await server.db.selectFrom('auditEvents').selectAll().where('event', '=', 'application_submitted').where('accountId', '=', citizen.account.id).execute();
    assert.equal(audit.length, 1);
  });

  test('needs a UUID Idempotency-Key', async () => {
    const citizen = await signedIn(server);
    const { id } = await draft(citizen, await serviceFor('simplified'));
    const missing = assertProblem(await citizen.browser.post(`/api/v1/applications/${id}/submit`, undefined, citizen.csrf), 400, 'validation_failed');
    assert.equal((missing.errors as Array<{ field: string }>)[0]?.field, 'idempotency-key');
    assertProblem(await submit(citizen, id, 'not-a-uuid'), 400, 'validation_failed');
  });

  test('checks every field, each error naming its field', async () => {
    const citizen = await signedIn(server);
    const service = await serviceFor('simplified');
    const { id } = await draft(citizen, service);
    assert.equal((await save(citizen, id, { ...(await completeValues(citizen, service.form)), phone: '' })).statusCode, 200);
    const problem = assertProblem(await submit(citizen, id), 400, 'validation_failed');
    assert.deepEqual(problem.errors, [{ field: 'phone', code: 'required', message: 'Укажите мобильный телефон' }]);
    const still = Application.parse((await citizen.browser.get(`/api/v1/applications/${id}`)).json());
    assert.equal(still.status, 'draft');
  });

  test('a service above the account level is refused with what to do', async () => {
    const citizen = await signedIn(server, { level: 'standard' });
    const service = await serviceFor('confirmed');
    const { id } = await draft(citizen, service);
    assert.equal((await save(citizen, id, await completeValues(citizen, service.form))).statusCode, 200);
    const problem = assertProblem(await submit(citizen, id), 403, 'forbidden');
    assert.match(String(problem.detail), /подтверждённая учётная запись.*Подтвердите личность в МФЦ/);
  });
});

describe('another citizen', () => {
  test('gets not_found for every route of an application not theirs', async () => {
    const { application } = await submitted();
    const other = await signedIn(server);
    const id = application.id;
    assertProblem(await other.browser.get(`/api/v1/applications/${id}`), 404, 'not_found');
    assertProblem(await save(other, id, {}), 404, 'not_found');
    assertProblem(await submit(other, id), 404, 'not_found');
    assertProblem(await other.browser.post(`/api/v1/applications/${id}/withdraw`, undefined, other.csrf), 404, 'not_found');
    assert.equal(ApplicationPage.parse((await other.browser.get('/api/v1/applications')).json()).total, 0);
  });
});

describe('the lifecycle', () => {
  test('operators move an application along it; every step kept with officer and comment, and audited', async () => {
    const { citizen, application, service } = await submitted();
    const field = service.form.steps[0]!.fields[0]!.id;
    const steps = [
      { to: 'in_review' },
      { to: 'needs_info', comment: 'Нужен скан паспорта', requested: { documents: ['passport-scan'], fields: [field] } },
      { to: 'in_review' },
      { to: 'approved' },
      { to: 'ready_for_issue' },
      { to: 'completed', comment: 'Выдано' },
    ];
    for (const body of steps) {
      const response = await move(application.id, body);
      assert.equal(response.statusCode, 200, response.body);
      const moved = Application.parse(response.json());
      assert.equal(moved.status, body.to);
      assert.deepEqual(moved.requested, body.requested ?? null);
    }
    const final = Application.parse((await citizen.browser.get(`/api/v1/applications/${application.id}`)).json());
    assert.deepEqual(
      final.history.map(({ from, to, actor }) => `${from}>${to}:${actor}`),
      ['draft>submitted:citizen', 'submitted>in_review:operator', 'in_review>needs_info:operator', 'needs_info>in_review:operator', 'in_review>approved:operator', 'approved>ready_for_issue:operator', 'ready_for_issue>completed:operator'],
    );
    assert.equal(final.history[2]?.comment, 'Нужен скан паспорта');
    assert.ok(final.history.slice(1).every(({ officerName }) => officerName !== null));
    const operator = await signedIn(server, { role: 'operator', level: 'confirmed' });
    const log = AuditLog.parse((await operator.browser.get(`/api/v1/operator/audit?accountId=${citizen.account.id}`)).json());
    assert.equal(log.entries.filter(({ event }) => event === 'application_transition').length, steps.length);
  });

  test('illegal moves are conflict, naming both statuses', async () => {
    const { application } = await submitted();
    const problem = assertProblem(await move(application.id, { to: 'approved' }), 409, 'conflict');
    assert.equal(problem.detail, 'Заявление в статусе «Подано» нельзя перевести в статус «Одобрено»');
    assertProblem(await move(application.id, { to: 'draft' }), 409, 'conflict');
    assertProblem(await move(randomUUID(), { to: 'in_review' }), 404, 'not_found');
  });

  test('needs_info must say what is requested, from the form', async () => {
    const { application } = await submitted();
    await move(application.id, { to: 'in_review' });
    const none = assertProblem(await move(application.id, { to: 'needs_info' }), 400, 'validation_failed');
    assert.equal((none.errors as Array<{ field: string }>)[0]?.field, 'requested');
    assertProblem(await move(application.id, { to: 'needs_info', requested: { documents: [], fields: [] } }), 400, 'validation_failed');
    assertProblem(await move(application.id, { to: 'needs_info', requested: { documents: [], fields: ['salary'] } }), 400, 'validation_failed');
  });

  test('operators list and read every citizen’s submitted applications, never drafts', async () => {
    const { citizen, application } = await submitted();
    const { id: draftId } = await draft(citizen, await serviceFor('simplified'));
    const operator = await signedIn(server, { role: 'operator', level: 'confirmed' });

    const found = ApplicationPage.parse((await operator.browser.get(`/api/v1/operator/applications?q=${application.trackingNumber}`)).json());
    assert.deepEqual(found.items.map(({ id }) => id), [application.id]);
    const all = ApplicationPage.parse((await operator.browser.get('/api/v1/operator/applications?limit=100')).json());
    assert.ok(all.items.every(({ status }) => status !== 'draft'), 'no drafts in the list');
    assert.ok(!all.items.some(({ id }) => id === draftId));
    const byStatus = ApplicationPage.parse((await operator.browser.get('/api/v1/operator/applications?status=submitted&limit=100')).json());
    assert.ok(byStatus.items.every(({ status }) => status === 'submitted'));

    const read = await operator.browser.get(`/api/v1/operator/applications/${application.id}`);
    assert.equal(read.statusCode, 200, read.body);
    assert.deepEqual(Application.parse(read.json()).values, application.values);
    assertProblem(await operator.browser.get(`/api/v1/operator/applications/${draftId}`), 404, 'not_found');
    assertProblem(await operator.browser.get('/api/v1/operator/applications?status=lost'), 400, 'validation_failed');
    assertProblem(await citizen.browser.get('/api/v1/operator/applications'), 403, 'forbidden');
    assertProblem(await citizen.browser.get(`/api/v1/operator/applications/${application.id}`), 403, 'forbidden');
  });

  test('the transition route is for operators only', async () => {
    const { citizen, application } = await submitted();
    assertProblem(await citizen.browser.post(`/api/v1/operator/applications/${application.id}/transitions`, { to: 'in_review' }, citizen.csrf), 403, 'forbidden');
  });

  test('the citizen withdraws while it is not decided, not after', async () => {
    const { citizen, application } = await submitted();
    const withdraw = (id: string) => citizen.browser.post(`/api/v1/applications/${id}/withdraw`, undefined, citizen.csrf);
    await move(application.id, { to: 'in_review' });
    const response = await withdraw(application.id);
    assert.equal(response.statusCode, 200, response.body);
    const withdrawn = Application.parse(response.json());
    assert.equal(withdrawn.status, 'withdrawn');
    assert.deepEqual(withdrawn.history.at(-1) && { actor: withdrawn.history.at(-1)!.actor, from: withdrawn.history.at(-1)!.from }, { actor: 'citizen', from: 'in_review' });
    assertProblem(await withdraw(application.id), 409, 'conflict');

    const decided = await submitted(citizen);
    for (const to of ['in_review', 'approved']) await move(decided.application.id, { to });
    assertProblem(await withdraw(decided.application.id), 409, 'conflict');
    const { id } = await draft(citizen, decided.service);
    assertProblem(await withdraw(id), 409, 'conflict');
  });
});

describe('the list', () => {
  test('walks ~2,000 applications page by page, each once, in order', async () => {
    const citizen = await signedIn(server);
    const service = await serviceFor('simplified');
    const base = server.clock.now() - 3 * 86_400_000;
    const rows = Array.from({ length: 2000 }, (_, i) => ({
      id: `app-${String(i).padStart(5, '0')}`,
      accountId: citizen.account.id,
      serviceId: service.id,
      status: i % 2 === 0 ? ('submitted' as const) : ('draft' as const),
      formVersion: 1,
      values: '{}',
      requested: null,
      trackingNumber: i % 2 === 0 ? `MFC-2020-${String(i).padStart(6, '0')}` : null,
      expectedCompletionDate: null,
      submitKey: null,
      createdAt: base + i * 60_000,
      // Many share a moment, so the id must order them.
      updatedAt: base + Math.floor(i / 7) * 60_000,
      submittedAt: null,
    }));
    for (let i = 0; i < rows.length; i += 200) await server.db.insertInto('applications').values(rows.slice(i, i + 200)).execute();

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    const started = Date.now();
    do {
      const response = await citizen.browser.get(`/api/v1/applications?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
      assert.equal(response.statusCode, 200, response.body);
      const page = ApplicationPage.parse(response.json());
      assert.equal(page.total, 2000);
      seen.push(...page.items.map(({ id }) => id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    assert.equal(pages, 20);
    assert.equal(new Set(seen).size, 2000, 'each once');
    const expected = [...rows].sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? 1 : -1)).map(({ id }) => id);
    assert.deepEqual(seen, expected);
    assert.ok(Date.now() - started < 5000, 'fast');

    const query = server.db
      .selectFrom('applications')
      .select('id')
      .where('accountId', '=', citizen.account.id)
      .orderBy('updatedAt', 'desc')
      .orderBy('id', 'desc')
      .limit(10)
      .compile();
    const plan = await queryPlan(server.db, query);
    assert.match(plan.text, /applications_account_updated/, 'index-backed');
    assert.equal(plan.sorts, false, 'no sorting');

    const filtered = async (query: string) => ApplicationPage.parse((await citizen.browser.get(`/api/v1/applications?${query}`)).json());
    assert.equal((await filtered('status=draft')).total, 1000);
    assert.equal((await filtered(`serviceId=${service.id}&status=submitted`)).total, 1000);
    assert.equal((await filtered('q=mfc-2020-0000')).total, 50);
    assert.deepEqual((await filtered('q=MFC-2020-000010')).items.map(({ id }) => id), ['app-00010']);
    const today = new Date(server.clock.now() + 3 * 3_600_000).toISOString().slice(0, 10);
    assert.equal((await filtered(`from=${today}&to=${today}`)).total, 0);
    assert.equal((await filtered('from=2000-01-01')).total, 2000);
  });

  test('refuses bad filters, naming the parameter', async () => {
    const citizen = await signedIn(server);
    for (const [query, field] of [
      ['status=lost', 'status'],
      ['from=2026-02-30', 'from'],
      ['from=2026-02-02&to=2026-02-01', 'to'],
      ['limit=0', 'limit'],
      ['cursor=broken', 'cursor'],
    ]) {
      const problem = assertProblem(await citizen.browser.get(`/api/v1/applications?${query}`), 400, 'validation_failed');
      assert.equal((problem.errors as Array<{ field: string }>)[0]?.field, field, query);
    }
  });
});

describe('the exports', () => {
  test('CSV for Excel: BOM, semicolons, the citizen’s own applications only', async () => {
    const { citizen, application, service } = await submitted();
    await submitted();
    const response = await citizen.browser.get('/api/v1/applications/export.csv');
    assert.equal(response.statusCode, 200, response.body);
    assert.match(String(response.headers['content-type']), /^text\/csv; charset=utf-8/);
    assert.ok(response.rawPayload.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), 'UTF-8 BOM');
    const lines = response.body.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    assert.equal(lines[0], 'Номер;Услуга;Статус;Создано;Подано;Ожидаемый срок;Изменено');
    assert.equal(lines.length, 2);
    assert.deepEqual(lines[1]!.split(';').slice(0, 3), [application.trackingNumber, service.title, 'Подано']);
  });

  test('PDF whose Cyrillic text comes out', async () => {
    const { citizen, service } = await submitted();
    const response = await citizen.browser.get('/api/v1/applications/export.pdf');
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.headers['content-type'], 'application/pdf');
    const dir = mkdtempSync(join(tmpdir(), 'mfc-pdf-'));
    try {
      const file = join(dir, 'applications.pdf');
      writeFileSync(file, response.rawPayload);
      const text = execFileSync('/usr/bin/pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      assert.match(text, /История заявлений/);
      assert.ok(text.includes(service.title.replace(/\s+/g, ' ')), `${service.title} in ${text}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('need a session', async () => {
    assertProblem(await server.browser().get('/api/v1/applications/export.csv'), 401, 'unauthenticated');
    assertProblem(await server.browser().get('/api/v1/applications/export.pdf'), 401, 'unauthenticated');
  });
});

describe('the OpenAPI document', () => {
  test('describes every application route with the shared schemas', async () => {
    const document = (await server.browser().get('/api/v1/openapi.json')).json();
    for (const [path, method] of [
      ['/api/v1/applications', 'post'],
      ['/api/v1/applications', 'get'],
      ['/api/v1/applications/{id}', 'get'],
      ['/api/v1/applications/{id}/draft', 'put'],
      ['/api/v1/applications/{id}/submit', 'post'],
      ['/api/v1/applications/{id}/withdraw', 'post'],
      ['/api/v1/applications/export.csv', 'get'],
      ['/api/v1/applications/export.pdf', 'get'],
      ['/api/v1/operator/applications/{id}/transitions', 'post'],
    ] as const) {
      assert.ok(document.paths[path]?.[method], `${method} ${path}`);
    }
    const submit = document.paths['/api/v1/applications/{id}/submit'].post;
    assert.ok(submit.parameters.some((parameter: { in: string; name: string }) => parameter.in === 'header' && parameter.name === 'idempotency-key'));
    for (const name of ['Application', 'ApplicationPage', 'ApplicationSummary', 'ApplicationTransitionRequest']) assert.ok(document.components.schemas[name], name);
  });
});
