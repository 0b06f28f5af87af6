import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Problem } from '@mfc-cabinet/core/schemas';
import { assertProblem, snapshot, startServer, type TestServer } from './helpers.js';

let server: TestServer;
before(async () => (server = await startServer()));
after(() => server.close());

const login = '/api/v1/auth/login';

/** Sends a raw body to the login route and checks that nothing in the database changed. */
async function refused(payload: string, headers: Record<string, string>, status: number, code: string) {
  const before = await snapshot(server.db);
  const response = await server.browser().request({ method: 'POST', url: login, payload, headers });
  const problem = assertProblem(response, status, code);
  assert.ok(Problem.safeParse(problem).success, 'matches the Problem schema');
  assert.deepEqual(await snapshot(server.db), before, 'nothing changed');
  return problem;
}

const json = { 'content-type': 'application/json' };

describe('bad input is a problem+json with a stable code', () => {
  test('malformed JSON', async () => {
    await refused('{"identifier": "+79000000001", ', json, 400, 'malformed_request');
  });

  test('an empty JSON body', async () => {
    await refused('', json, 400, 'malformed_request');
  });

  test('wrong types, with Russian messages per field', async () => {
    const problem = await refused(JSON.stringify({ identifier: 42, password: ['x'] }), json, 400, 'validation_failed');
    assert.deepEqual(problem.errors, [
      { field: 'identifier', code: 'invalid', message: 'Введите телефон, почту или СНИЛС' },
      { field: 'password', code: 'invalid', message: 'Введите пароль' },
    ]);
  });

  test('missing and blank fields', async () => {
    const problem = await refused(JSON.stringify({ identifier: '   ' }), json, 400, 'validation_failed');
    assert.deepEqual(problem.errors, [
      { field: 'identifier', code: 'invalid', message: 'Введите телефон, почту или СНИЛС' },
      { field: 'password', code: 'required', message: 'Введите пароль' },
    ]);
  });

  test('too long a password', async () => {
    const problem = await refused(JSON.stringify({ identifier: 'a@b.ru', password: 'x'.repeat(129) }), json, 400, 'validation_failed');
    assert.deepEqual(problem.errors, [{ field: 'password', code: 'too_long', message: 'Пароль не может быть длиннее 128 символов' }]);
  });

  test('unknown fields are named', async () => {
    const body = JSON.stringify({ identifier: 'a@b.ru', password: 'x', remember: true, role: 'admin' });
    const problem = await refused(body, json, 400, 'validation_failed');
    assert.deepEqual(
      (problem.errors as Array<{ field: string; code: string }>).map(({ field, code }) => [field, code]),
      [
        ['remember', 'unknown_field'],
        ['role', 'unknown_field'],
      ],
    );
  });

  test('a body that is not an object', async () => {
    const problem = await refused('[1, 2]', json, 400, 'validation_failed');
    assert.deepEqual(problem.errors, [{ field: '', code: 'invalid', message: 'Запрос должен быть объектом JSON' }]);
  });

  test('a body over 16 KB', async () => {
    const body = JSON.stringify({ identifier: 'a@b.ru', password: 'x'.repeat(17 * 1024) });
    await refused(body, json, 413, 'payload_too_large');
  });

  test('a body that is not JSON', async () => {
    await refused('identifier=a%40b.ru&password=x', { 'content-type': 'application/x-www-form-urlencoded' }, 415, 'unsupported_media_type');
    await refused('{"identifier":"a@b.ru","password":"x"}', { 'content-type': 'text/plain' }, 415, 'unsupported_media_type');
  });

  test('a body without a content type', async () => {
    await refused('{"identifier":"a@b.ru","password":"x"}', {}, 415, 'unsupported_media_type');
  });

  test('no body at all', async () => {
    const problem = await refused('', {}, 400, 'validation_failed');
    assert.deepEqual(problem.errors, [{ field: '', code: 'required', message: 'Запрос должен быть объектом JSON' }]);
  });
});

describe('other failures', () => {
  test('an unknown API route is not_found', async () => {
    assertProblem(await server.browser().get('/api/v1/nothing-here'), 404, 'not_found');
    assertProblem(await server.browser().get('/api/v2/auth/session'), 404, 'not_found');
    assertProblem(await server.browser().request({ method: 'DELETE', url: '/api/v1/profile' }), 404, 'not_found');
  });

  test('the rate limit per IP', async () => {
    const limited = await startServer({ RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const browser = limited.browser();
      for (let i = 0; i < 3; i++) assert.equal((await browser.get('/api/v1/health')).statusCode, 200);
      const response = await browser.get('/api/v1/health');
      const problem = assertProblem(response, 429, 'rate_limited');
      assert.ok(Number(problem.retryAfter) > 0 && Number(problem.retryAfter) <= 60);
      assert.equal(response.headers['retry-after'], String(problem.retryAfter));
      assert.equal((await browser.get('/')).statusCode !== 429, true, 'the site itself is not limited');
    } finally {
      await limited.close();
    }
  });

  test('anything unexpected is internal, with a generic message and no details', async () => {
    const broken = await startServer();
    await broken.db.destroy();
    try {
      const response = await broken.browser().login('+79000000001', 'Demo-2026!');
      const problem = assertProblem(response, 500, 'internal');
      assert.equal(problem.detail, 'Что-то пошло не так. Попробуйте позже.');
      assert.doesNotMatch(response.body, /destroyed|kysely|sqlite/i);
    } finally {
      await broken.close();
    }
  });
});
