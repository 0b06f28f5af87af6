import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { OutgoingMessage } from '../src/senders/sender.js';
import { assertProblem, demo, startServer, type TestServer } from './helpers.js';

describe('production mode', () => {
  let server: TestServer;
  const sent: OutgoingMessage[] = [];
  before(async () => {
    server = await startServer(
      { MFC_MODE: 'production', SMS_WEBHOOK_URL: 'http://127.0.0.1:9/sms', EMAIL_WEBHOOK_URL: 'http://127.0.0.1:9/email' },
      { sender: { send: async (message) => void sent.push(message) } },
    );
  });
  after(() => server.close());

  test('has no dev outbox', async () => {
    assert.equal(server.outbox, undefined);
    for (const url of ['/dev/outbox', '/dev/outbox.json', '/dev/outbox.css']) {
      assert.equal((await server.browser().get(url)).statusCode, 404, url);
    }
  });

  test('has no test endpoints and no demo citizens', async () => {
    assertProblem(await server.browser().post('/api/v1/test/clock', { advanceMs: 1 }), 404, 'not_found');
    assertProblem(await server.browser().post('/api/v1/test/accounts', {}), 404, 'not_found');
    assertProblem(await server.browser().login(demo.ivanov.phone, demo.password), 401, 'invalid_credentials');
    assert.deepEqual(await server.db.selectFrom('accounts').select('id').execute(), []);
  });
});

describe('demo mode', () => {
  let server: TestServer;
  before(async () => (server = await startServer({ MFC_MODE: 'demo' })));
  after(() => server.close());

  test('has no test endpoints', async () => {
    assertProblem(await server.browser().post('/api/v1/test/clock', { advanceMs: 1 }), 404, 'not_found');
    assertProblem(await server.browser().post('/api/v1/test/accounts', {}), 404, 'not_found');
  });

  test('the dev outbox lists the codes, newest first, by phone in any spelling or by e-mail', async () => {
    await server.browser().login('ivanov@example.ru', demo.password);
    await server.browser().login(demo.petrova.phone, demo.password);
    await server.browser().login('+7 (900) 000-00-01', demo.password);

    const all = (await server.browser().get('/dev/outbox.json')).json();
    assert.deepEqual(
      all.map((entry: { to: string }) => entry.to),
      [demo.ivanov.phone, demo.petrova.email, demo.ivanov.phone],
    );
    for (const spelling of ['+79000000001', '8 900 000-00-01', '+7 (900) 000-00-01']) {
      const mine = (await server.browser().get(`/dev/outbox.json?to=${encodeURIComponent(spelling)}`)).json();
      assert.equal(mine.length, 2, spelling);
      assert.deepEqual(Object.keys(mine[0]).sort(), ['at', 'channel', 'code', 'purpose', 'text', 'to']);
      assert.equal(mine[0].text, `Код для входа в личный кабинет МФЦ: ${mine[0].code}. Никому не сообщайте его.`);
      assert.equal(mine[0].channel, 'sms');
      assert.equal(mine[0].purpose, 'login');
      assert.match(mine[0].code, /^\d{6}$/);
      assert.ok(Date.parse(mine[0].at) >= Date.parse(mine[1].at));
    }
    const byMail = (await server.browser().get('/dev/outbox.json?to=PETROVA%40example.ru')).json();
    assert.equal(byMail.length, 1);
    assert.equal(byMail[0].channel, 'email');
  });

  test('the dev outbox page is Russian HTML with nothing inline, refreshing itself', async () => {
    await server.browser().login(demo.ivanov.phone, demo.password);
    const code = server.latestCode(demo.ivanov.phone);
    const page = await server.browser().get('/dev/outbox');
    assert.equal(page.statusCode, 200);
    assert.match(String(page.headers['content-type']), /^text\/html/);
    assert.match(page.body, /<html lang="ru">/);
    assert.match(page.body, /<meta http-equiv="refresh" content="5">/);
    assert.match(page.body, /<link rel="stylesheet" href="\/dev\/outbox.css">/);
    assert.ok(page.body.includes(code));
    assert.ok(page.body.includes('Вход в личный кабинет'));
    assert.doesNotMatch(page.body, /<script|<style|style=/);
    assert.match(String(page.headers['content-security-policy']), /default-src 'none'; style-src 'self'/);

    const css = await server.browser().get('/dev/outbox.css');
    assert.equal(css.statusCode, 200);
    assert.match(String(css.headers['content-type']), /^text\/css/);
  });
});

describe('test mode', () => {
  let server: TestServer;
  before(async () => (server = await startServer()));
  after(() => server.close());

  test('moves the clock and answers the new time', async () => {
    const before = server.clock.now();
    const response = await server.browser().post('/api/v1/test/clock', { advanceMs: 90_000 });
    assert.equal(response.statusCode, 200);
    assert.equal(Date.parse(response.json().now), before + 90_000);
    assert.equal(server.clock.now(), before + 90_000);
    assertProblem(await server.browser().post('/api/v1/test/clock', { advanceMs: -1 }), 400, 'validation_failed');
  });

  test('creates fresh citizens with unique, valid data', async () => {
    const { isValidSnils } = await import('@mfc-cabinet/core/validators');
    const first = await server.createAccount({ level: 'confirmed', secondFactor: 'sms' });
    const second = await server.createAccount();
    assert.notEqual(first.phone, second.phone);
    assert.notEqual(first.email, second.email);
    assert.notEqual(first.snils, second.snils);
    assert.ok(isValidSnils(first.snils) && isValidSnils(second.snils));
    const login = (await server.browser().login(first.email, first.password)).json();
    assert.equal(login.status, 'code_required');
    assertProblem(await server.browser().post('/api/v1/test/accounts', { level: 'superuser' }), 400, 'validation_failed');
  });
});
