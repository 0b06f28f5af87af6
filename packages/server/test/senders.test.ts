import assert from 'node:assert/strict';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { WebhookSender } from '../src/senders/webhook.js';
import { assertProblem, goodPassword, newPhone, startServer } from './helpers.js';

describe('the webhook sender', () => {
  const received: Array<{ url: string; body: unknown; type: string }> = [];
  let status = 204;
  const gateway = createServer((request: IncomingMessage, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      received.push({ url: request.url ?? '', body: JSON.parse(body), type: String(request.headers['content-type']) });
      response.writeHead(status).end();
    });
  });
  let base = '';
  before(async () => {
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}`;
  });
  after(() => gateway.close());

  test('POSTs the code as JSON to the channel\'s gateway, with the text to send', async () => {
    const sender = new WebhookSender({ sms: `${base}/sms`, email: `${base}/email` });
    await sender.send({ channel: 'sms', to: '+79000000001', code: '123456', purpose: 'login' });
    await sender.send({ channel: 'email', to: 'ivanov@example.ru', code: '654321', purpose: 'login' });
    assert.deepEqual(received, [
      {
        url: '/sms',
        type: 'application/json',
        body: { channel: 'sms', to: '+79000000001', code: '123456', purpose: 'login', text: 'Код для входа в личный кабинет МФЦ: 123456. Никому не сообщайте его.' },
      },
      {
        url: '/email',
        type: 'application/json',
        body: { channel: 'email', to: 'ivanov@example.ru', code: '654321', purpose: 'login', text: 'Код для входа в личный кабинет МФЦ: 654321. Никому не сообщайте его.' },
      },
    ]);
  });

  test('a notice is POSTed the same way, with no code', async () => {
    received.length = 0;
    const sender = new WebhookSender({ sms: `${base}/sms`, email: `${base}/email` });
    await sender.send({ channel: 'email', to: 'ivanov@example.ru', code: null, purpose: 'password_changed' });
    assert.deepEqual(received, [
      {
        url: '/email',
        type: 'application/json',
        body: {
          channel: 'email',
          to: 'ivanov@example.ru',
          code: null,
          purpose: 'password_changed',
          text: 'Пароль от личного кабинета МФЦ изменён, все сеансы завершены. Если вы этого не делали, сразу восстановите пароль и обратитесь в МФЦ.',
        },
      },
    ]);
  });

  test('an answer other than 2xx is a failed send', async () => {
    status = 502;
    const sender = new WebhookSender({ sms: `${base}/sms`, email: `${base}/email` });
    await assert.rejects(sender.send({ channel: 'sms', to: '+79000000001', code: '123456', purpose: 'login' }), /502/);
  });
});

describe('a failed send at registration', () => {
  test('answers server_unavailable and keeps no registration', async () => {
    const server = await startServer({}, { sender: { send: () => Promise.reject(new Error('gateway down')) } });
    try {
      const response = await server.browser().register({ phone: newPhone(), password: goodPassword() });
      assert.equal(assertProblem(response, 503, 'server_unavailable').detail, 'Не удалось отправить код. Попробуйте позже.');
      assert.deepEqual(await server.db.selectFrom('pendingRegistrations').select('phone').execute(), []);
      assert.deepEqual(await server.db.selectFrom('codeChallenges').select('idHash').execute(), []);
    } finally {
      await server.close();
    }
  });
});

describe('a failed send at sign-in', () => {
  test('answers server_unavailable, opens no challenge, and is audited', async () => {
    const server = await startServer({}, { sender: { send: () => Promise.reject(new Error('gateway down')) } });
    try {
      const account = await server.createAccount({ secondFactor: 'sms' });
      const response = await server.browser().login(account.phone, account.password);
      const problem = assertProblem(response, 503, 'server_unavailable');
      assert.equal(problem.detail, 'Не удалось отправить код. Попробуйте позже.');
      assert.doesNotMatch(response.body, /gateway down/);
      assert.deepEqual(await server.db.selectFrom('codeChallenges').select('idHash').execute(), []);
      const events = await server.db.selectFrom('auditEvents').select('event').where('accountId', '=', account.id).execute();
      assert.deepEqual(events.map(({ event }) => event), ['code_send_failed']);
    } finally {
      await server.close();
    }
  });
});
