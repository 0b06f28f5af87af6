import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AuditLog, OperatorLookupResponse } from '@mfc-cabinet/core/schemas';
import { assertProblem, demo, signedIn, snapshot, startServer, type TestServer } from './helpers.js';

let server: TestServer;
before(async () => (server = await startServer()));
after(() => server.close());

/** Every operator route, with a body that would be valid. */
const operatorRoutes = [
  { method: 'POST', url: '/api/v1/operator/citizens/lookup', payload: { phone: '+7 900 000-00-01' } },
  { method: 'POST', url: '/api/v1/operator/citizens/00000000-0000-4000-8000-000000000001/temporary-password', payload: { passportChecked: true } },
  { method: 'POST', url: '/api/v1/operator/identity-confirmations', payload: { code: 'K7QF-2MZX', passport: { series: '4510', number: '123456' } } },
  { method: 'GET', url: '/api/v1/operator/audit' },
] as const;

async function operator() {
  return signedIn(server, { role: 'operator', level: 'confirmed' });
}

describe('the operator API', () => {
  test('is forbidden to citizens, whatever the body, and nothing changes', async () => {
    const citizen = await signedIn(server);
    const before = await snapshot(server.db);
    for (const route of operatorRoutes) {
      for (const payload of ['payload' in route ? route.payload : undefined, { garbage: true }]) {
        const response = await citizen.browser.request({ ...route, ...(payload && route.method === 'POST' ? { payload } : {}), headers: citizen.csrf });
        assertProblem(response, 403, 'forbidden');
      }
    }
    const after = await snapshot(server.db);
    assert.deepEqual({ ...after, sessions: [] }, { ...before, sessions: [] }, 'nothing but the session changed');
  });

  test('needs a session: nobody signed in is unauthenticated, before the body is read', async () => {
    for (const route of operatorRoutes) {
      assertProblem(await server.browser().request({ ...route, ...(route.method === 'POST' ? { payload: '{"broken' } : {}), headers: { 'content-type': 'application/json' } }), 401, 'unauthenticated');
    }
  });

  test('an operator signs in like anybody, and the session says who they are', async () => {
    const response = await server.browser().login(demo.operator.email, demo.operator.password);
    assert.equal(response.statusCode, 200, response.body);
    const { user } = response.json().session;
    assert.deepEqual(user, { id: '00000000-0000-4000-8000-000000000009', displayName: 'Елена С.', level: 'confirmed', role: 'operator' });
  });
});

describe('finding a citizen', () => {
  const lookup = async (body: unknown) => {
    const { browser, csrf } = await operator();
    return browser.post('/api/v1/operator/citizens/lookup', body, csrf);
  };

  test('by passport, in any spacing', async () => {
    const response = await lookup({ passport: { series: '45 10', number: ' 123456 ' } });
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual(OperatorLookupResponse.parse(response.json()).citizens, [
      {
        id: '00000000-0000-4000-8000-000000000001',
        fullName: 'Иванов Иван Иванович',
        phone: '+79000000001',
        level: 'standard',
        passport: { series: '4510', number: '123456' },
      },
    ]);
  });

  test('by СНИЛС and by phone, in any usual spelling', async () => {
    const citizen = await server.createAccount();
    for (const body of [{ snils: citizen.snils.replace(/\D/g, '') }, { phone: `8${citizen.phone.slice(2)}` }, { phone: citizen.phone, snils: citizen.snils }]) {
      const { citizens } = OperatorLookupResponse.parse((await lookup(body)).json());
      assert.deepEqual(citizens.map(({ id }) => id), [citizen.id], JSON.stringify(body));
    }
  });

  test('every criterion given must match; nobody is an empty list; operators are never found', async () => {
    const citizen = await server.createAccount();
    const other = await server.createAccount();
    assert.deepEqual((await lookup({ phone: citizen.phone, snils: other.snils })).json(), { citizens: [] });
    assert.deepEqual((await lookup({ phone: '+7 900 123-45-67' })).json(), { citizens: [] });
    assert.deepEqual((await lookup({ phone: demo.operator.phone })).json(), { citizens: [] });
  });

  test('needs at least one well-formed criterion', async () => {
    const none = assertProblem(await lookup({}), 400, 'validation_failed');
    assert.deepEqual(none.errors, [{ field: '', code: 'required', message: 'Укажите серию и номер паспорта, СНИЛС или телефон' }]);
    assertProblem(await lookup({ phone: '  ', snils: '' }), 400, 'validation_failed');
    const wrong = assertProblem(await lookup({ passport: { series: '45', number: '1' }, snils: '123-456-789 00', phone: '12345' }), 400, 'validation_failed');
    assert.deepEqual(
      (wrong.errors as Array<{ field: string; code: string }>).map(({ field, code }) => [field, code]),
      [
        ['passport.number', 'invalid'],
        ['snils', 'invalid'],
        ['phone', 'invalid'],
      ],
    );
    const unknown = assertProblem(await lookup({ name: 'Иванов' }), 400, 'validation_failed');
    assert.equal((unknown.errors as Array<{ code: string }>)[0]?.code, 'unknown_field');
  });

  test('is audited with the operator and the criteria used, not their values', async () => {
    const citizen = await server.createAccount();
    const { account, browser, csrf } = await operator();
    await browser.post('/api/v1/operator/citizens/lookup', { snils: citizen.snils }, csrf);
    const log = AuditLog.parse((await browser.get(`/api/v1/operator/audit?accountId=${citizen.id}`)).json());
    assert.equal(log.entries[0]?.event, 'citizen_lookup');
    assert.equal(log.entries[0]?.actorId, account.id);
    assert.equal(log.entries[0]?.ip, '127.0.0.1');
    assert.deepEqual(log.entries[0]?.details, { by: ['snils'], found: 1 });
  });
});

describe('the audit log', () => {
  test('newest first, of one account when asked, at most `limit`', async () => {
    const citizen = await server.createAccount();
    const { browser } = await operator();
    await server.browser().login(citizen.phone, 'wrong password');
    await server.advance(1000);
    await server.browser().login(citizen.phone, citizen.password);
    await server.browser().login(citizen.phone, citizen.password);

    const mine = AuditLog.parse((await browser.get(`/api/v1/operator/audit?accountId=${citizen.id}`)).json()).entries;
    assert.deepEqual(mine.map(({ event }) => event), ['login_succeeded', 'login_succeeded', 'login_failed']);
    assert.ok(mine.every(({ accountId, actorId }) => accountId === citizen.id && actorId === null));
    assert.ok(Date.parse(mine[0]!.at) - Date.parse(mine[2]!.at) === 1000);
    assert.notEqual(mine[0]!.id, mine[1]!.id);

    const limited = AuditLog.parse((await browser.get(`/api/v1/operator/audit?accountId=${citizen.id}&limit=1`)).json()).entries;
    assert.deepEqual(limited, mine.slice(0, 1));
    const everyone = AuditLog.parse((await browser.get('/api/v1/operator/audit?limit=200')).json()).entries;
    assert.ok(new Set(everyone.map(({ accountId }) => accountId)).size > 1);
    assert.ok(everyone.every((entry, i) => i === 0 || entry.at <= everyone[i - 1]!.at), 'newest first');
    assertProblem(await browser.get('/api/v1/operator/audit?limit=0'), 400, 'validation_failed');
    assertProblem(await browser.get('/api/v1/operator/audit?limit=abc'), 400, 'validation_failed');
  });
});
