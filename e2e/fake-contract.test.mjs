// The fake Cabinet API of the stories (stories/support/fake-api.ts) against the real server:
// the same requests go to both, and their answers must agree in status, content type, the
// idle-deadline header, the problem `code`s and the shape of the body (keys and types, not
// ids or dates), and in the values that are rules — attempts left, lifetimes, the session's
// timeouts, field-error codes and messages. The rules themselves have one home, core
// (`authPolicy`, the common passwords, problem statuses, field messages): the server and the
// fake import them.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { tsImport } from 'tsx/esm/api';
import { sessionIdleHeader } from '@mfc-cabinet/core';
import { startTestServer } from '../scripts/test-server.mjs';

/** The stories' fake, run by tsx as the stories' Vite runs it. */
const { FakeCabinetApi, demoCode } = await tsImport('../stories/support/fake-api.ts', import.meta.url);

/** An upper bound for a code to reach the dev outbox on a busy machine, not how long it takes. */
const patience = 20_000;

// ------------------------------------------------------------------ two ways to send a request

/** The parts of an answer the two must agree on, and the body to compare. */
async function answerOf(response) {
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get('content-type')?.split(';')[0] ?? null,
    idleHeader: response.headers.has(sessionIdleHeader),
    retryAfterHeader: response.headers.get('retry-after'),
    body: text === '' ? null : JSON.parse(text),
  };
}

/**
 * A browser page on the real server's origin: it keeps the cookies the server sets, sends
 * the page's `Origin`, and the session's CSRF token once an answer gave one.
 */
function serverBrowser(origin) {
  const cookies = new Map();
  let csrfToken;
  return async (method, path, body) => {
    const headers = { origin, 'accept-language': 'ru' };
    if (cookies.size > 0) headers.cookie = [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (csrfToken) headers['x-csrf-token'] = csrfToken;
    const response = await fetch(`${origin}/api/v1/${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const [name = '', value = ''] = pair.split('=');
      if (value === '' || /max-age=0\b|expires=thu, 01 jan 1970/i.test(line)) cookies.delete(name.trim());
      else cookies.set(name.trim(), value);
    }
    const answer = await answerOf(response);
    csrfToken = answer.body?.session?.csrfToken ?? csrfToken;
    return answer;
  };
}

/** The SDK's requests to the fake, through its `fetch` (absolute URLs, as a page resolves them). */
function fakeBrowser(api) {
  return async (method, path, body) => {
    const headers = { 'accept-language': 'ru' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const url = new URL(`${api.baseUrl}/${path}`, 'http://localhost');
    return answerOf(await api.fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }));
  };
}

// ------------------------------------------------------------------ comparing answers

/** Keys whose values are rules or contract words, compared as values. */
const ruleKeys = new Set([
  'code', 'status', 'attemptsLeft', 'expiresIn', 'idleExpiresIn', 'resendAfter', 'codeLength', 'channel',
  'idleTimeout', 'level', 'role', 'field', 'message', 'type', 'title', 'retryAfter', 'version',
]);
/** Seconds counted down from the answer: the two answer a moment apart, so they may differ by a tick of the clock. */
const countdowns = new Set(['expiresIn', 'idleExpiresIn', 'retryAfter']);
const tick = 1;

const kind = (value) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/**
 * Where `fake` differs from `real`, as `path: what` lines. Objects must have the same keys;
 * arrays are compared by their first items (the data differ, their shape must not); a
 * `null` leaf stands for a value either side may lack in its sample data; the values of
 * {@link ruleKeys} are compared when `values` is true (countdowns within a tick).
 */
function differences(real, fake, { values }, path = '') {
  const realKind = kind(real);
  const fakeKind = kind(fake);
  const key = path.split('.').pop();
  if (realKind !== fakeKind) {
    return realKind === 'null' || fakeKind === 'null' ? [] : [`${path || 'body'}: server ${realKind}, fake ${fakeKind}`];
  }
  if (realKind === 'array') {
    if (real.length === 0 || fake.length === 0) return real.length === fake.length || !values ? [] : [`${path}: server ${real.length} items, fake ${fake.length}`];
    if (values && real.every((item) => kind(item) !== 'object') && real.length !== fake.length) return [`${path}: server ${real.length} items, fake ${fake.length}`];
    const count = values ? real.length : 1;
    return Array.from({ length: count }, (_, index) => differences(real[index], fake[index], { values }, `${path}[${index}]`)).flat();
  }
  if (realKind === 'object') {
    const keys = [...new Set([...Object.keys(real), ...Object.keys(fake)])].sort();
    return keys.flatMap((name) => {
      const at = path ? `${path}.${name}` : name;
      if (!(name in fake)) return [`${at}: only the server answers it`];
      if (!(name in real)) return [`${at}: only the fake answers it`];
      return differences(real[name], fake[name], { values }, at);
    });
  }
  if (!values || !ruleKeys.has(key)) return [];
  const same = realKind === 'number' && countdowns.has(key) ? Math.abs(real - fake) <= tick : real === fake;
  return same ? [] : [`${path}: server ${JSON.stringify(real)}, fake ${JSON.stringify(fake)}`];
}

// ------------------------------------------------------------------ the sequence

/**
 * The requests, in order. `send(context)` gives method, path and body; `expect` is what the
 * server must answer (so that the step tests what it says); `values: false` compares shapes
 * only (the catalog's services are not the same), `body: false` compares the status and headers
 * only. `after(answer, context)` keeps what later
 * steps need.
 */
const wrongPassword = 'Nevernyj-Parol-7!';
const newPassword = 'Zarechny-2026!';
const steps = [
  { name: 'session when signed out', send: () => ['GET', 'auth/session'], expect: { status: 200 } },
  {
    name: 'login with a wrong password: attempts left',
    send: ({ account }) => ['POST', 'auth/login', { identifier: account.phone, password: wrongPassword }],
    expect: { status: 401, code: 'invalid_credentials' },
  },
  {
    name: 'login with the right password: a code is required',
    send: ({ account }) => ['POST', 'auth/login', { identifier: account.phone, password: account.password }],
    expect: { status: 200 },
    after: (answer, context) => (context.challengeId = answer.body?.challenge?.id),
  },
  ...[1, 2].map((attempt) => ({
    name: `wrong code ${attempt}: attempts left`,
    send: async (context) => ['POST', 'auth/login/code', { challengeId: context.challengeId, code: wrongCode(await context.code()) }],
    expect: { status: 400, code: 'otp_invalid' },
  })),
  {
    name: 'third wrong code: attempts exceeded',
    send: async (context) => ['POST', 'auth/login/code', { challengeId: context.challengeId, code: wrongCode(await context.code()) }],
    expect: { status: 400, code: 'otp_attempts_exceeded' },
  },
  {
    name: 'the used-up sign-in attempt takes no code',
    send: async (context) => ['POST', 'auth/login/code', { challengeId: context.challengeId, code: await context.code() }],
    expect: { status: 400, code: 'otp_expired' },
  },
  {
    name: 'login again',
    send: ({ account }) => ['POST', 'auth/login', { identifier: account.phone, password: account.password }],
    expect: { status: 200 },
    after: (answer, context) => {
      context.challengeId = answer.body?.challenge?.id;
      context.codesSent += 1;
    },
  },
  {
    name: 'right code: signed in',
    send: async (context) => ['POST', 'auth/login/code', { challengeId: context.challengeId, code: await context.code() }],
    expect: { status: 200 },
  },
  { name: 'session when signed in', send: () => ['GET', 'auth/session'], expect: { status: 200 } },
  // The profile's changes ask the current password again, counted with the sign-in's.
  {
    name: 'a new phone with a wrong current password',
    send: ({ newPhone }) => ['POST', 'profile/contacts/phone', { phone: newPhone, currentPassword: wrongPassword }],
    expect: { status: 401, code: 'invalid_credentials' },
  },
  {
    name: 'the current phone as a new one',
    send: ({ account }) => ['POST', 'profile/contacts/phone', { phone: account.phone, currentPassword: account.password }],
    expect: { status: 400, code: 'validation_failed', fieldCodes: ['unchanged'] },
  },
  {
    name: 'a new phone with the right current password: a code goes to it',
    send: ({ account, newPhone }) => ['POST', 'profile/contacts/phone', { phone: newPhone, currentPassword: account.password }],
    expect: { status: 200 },
  },
  {
    name: 'a new password with a wrong current password',
    send: () => ['POST', 'profile/password', { currentPassword: wrongPassword, password: 'Leto-Zarechny-7?', endOtherSessions: false }],
    expect: { status: 401, code: 'invalid_credentials' },
  },
  {
    name: 'a common new password',
    send: ({ account }) => ['POST', 'profile/password', { currentPassword: account.password, password: 'Qwerty123!', endOtherSessions: false }],
    expect: { status: 400, code: 'validation_failed', fieldCodes: ['password_common'] },
  },
  // The sample data differ (the fake's account has a history): the shapes must not.
  { name: 'the history of changes', send: () => ['GET', 'profile/changes'], expect: { status: 200 }, values: false },
  { name: 'the sign-in history', send: () => ['GET', 'profile/sign-ins'], expect: { status: 200 }, values: false },
  {
    name: 'a page of the history with a cursor the server did not make',
    send: () => ['GET', 'profile/changes?cursor=not-a-cursor'],
    expect: { status: 400, code: 'validation_failed', fieldCodes: ['invalid'] },
  },
  {
    name: '«Это был не я» about a change that is not there',
    send: () => ['POST', 'profile/changes/no-such-change/not-me', {}],
    expect: { status: 404, code: 'not_found' },
  },
  {
    name: 'closing the account with a wrong current password',
    send: () => ['POST', 'profile/close', { currentPassword: wrongPassword }],
    expect: { status: 401, code: 'invalid_credentials' },
  },
  {
    // The right current password clears the wrong ones: the lockout steps below count from none.
    name: 'the same second factor again: the profile, unchanged',
    send: ({ account }) => ['PUT', 'profile/second-factor', { channel: 'sms', currentPassword: account.password }],
    expect: { status: 200 },
    // The sample profiles differ even in which optional fields they have (`passport.issuedAt`).
    body: false,
  },
  { name: 'the catalog’s first page', send: () => ['GET', 'catalog/services'], expect: { status: 200 }, values: false },
  { name: 'a service that does not exist', send: () => ['GET', 'catalog/services/no-such-service'], expect: { status: 404, code: 'not_found' } },
  { name: 'logout', send: () => ['POST', 'auth/logout'], expect: { status: 204 } },
  { name: 'session after logout', send: () => ['GET', 'auth/session'], expect: { status: 200 } },
  {
    name: 'the consent text',
    send: () => ['GET', 'consents/personal-data'],
    expect: { status: 200 },
    // The fake's text is a short stand-in for the server's (packages/server/src/consent/), with a version of its own.
    values: false,
    after: (answer, context) => (context.consentVersion = answer.body?.version),
  },
  {
    name: 'registration with a common password',
    send: ({ consentVersion, newPhone }) => ['POST', 'auth/registration', { phone: newPhone, password: 'Qwerty123!', consent: { version: consentVersion, accepted: true } }],
    expect: { status: 400, code: 'validation_failed', fieldCodes: ['password_common'] },
  },
  {
    name: 'registration with a weak password',
    send: ({ consentVersion, newPhone }) => ['POST', 'auth/registration', { phone: newPhone, password: 'zarechny', consent: { version: consentVersion, accepted: true } }],
    expect: { status: 400, code: 'validation_failed' },
  },
  {
    name: 'registration without the consent',
    send: ({ consentVersion, newPhone }) => ['POST', 'auth/registration', { phone: newPhone, password: newPassword, consent: { version: consentVersion, accepted: false } }],
    expect: { status: 400, code: 'validation_failed', fieldCodes: ['consent_required'] },
  },
  {
    name: 'registration with the consent to an old text',
    send: ({ newPhone }) => ['POST', 'auth/registration', { phone: newPhone, password: newPassword, consent: { version: '2000-01-01', accepted: true } }],
    expect: { status: 400, code: 'validation_failed', fieldCodes: ['consent_outdated'] },
  },
  {
    name: 'login without a login and password',
    send: () => ['POST', 'auth/login', {}],
    expect: { status: 400, code: 'validation_failed' },
  },
  {
    name: 'recovery: a code is sent',
    send: ({ account }) => ['POST', 'auth/recovery', { identifier: account.phone }],
    expect: { status: 200 },
    after: (answer, context) => {
      context.challengeId = answer.body?.challenge?.id;
      context.codesSent += 1;
    },
  },
  {
    name: 'recovery: the right code gives a reset token',
    send: async (context) => ['POST', 'auth/recovery/code', { challengeId: context.challengeId, code: await context.code() }],
    expect: { status: 200 },
    after: (answer, context) => (context.resetToken = answer.body?.resetToken),
  },
  {
    name: 'recovery: a common new password',
    send: ({ resetToken }) => ['POST', 'auth/recovery/password', { resetToken, password: 'Qwerty123!' }],
    expect: { status: 400, code: 'validation_failed', fieldCodes: ['password_common'] },
  },
  {
    name: 'recovery: the current password again',
    send: ({ resetToken, account }) => ['POST', 'auth/recovery/password', { resetToken, password: account.password }],
    expect: { status: 400, code: 'validation_failed', fieldCodes: ['password_reused'] },
  },
  {
    name: 'recovery: a good new password',
    send: ({ resetToken }) => ['POST', 'auth/recovery/password', { resetToken, password: newPassword }],
    expect: { status: 204 },
  },
  ...[4, 3, 2, 1].map((attemptsLeft) => ({
    name: `wrong password before the lockout: ${attemptsLeft} left`,
    send: ({ account }) => ['POST', 'auth/login', { identifier: account.phone, password: wrongPassword }],
    expect: { status: 401, code: 'invalid_credentials' },
  })),
  {
    name: 'one wrong password too many: locked',
    send: ({ account }) => ['POST', 'auth/login', { identifier: account.phone, password: wrongPassword }],
    expect: { status: 423, code: 'account_locked' },
  },
  {
    name: 'while locked, even the right password',
    send: ({ account }) => ['POST', 'auth/login', { identifier: account.phone, password: newPassword }],
    expect: { status: 423, code: 'account_locked' },
  },
];

/** Another code than `code`, of the same length. */
function wrongCode(code) {
  return code.replace(/^\d/, (digit) => String((Number(digit) + 1) % 10));
}

/** Runs the steps through `send`, every answer kept by step name. */
async function run(send, context) {
  const answers = new Map();
  for (const step of steps) {
    const [method, path, body] = await step.send(context);
    const answer = await send(method, path, body);
    answers.set(step.name, answer);
    step.after?.(answer, context);
  }
  return answers;
}

/** The newest code the server's dev outbox holds for `phone`, once `count` codes have reached it. */
async function outboxCode(origin, phone, count) {
  const deadline = Date.now() + patience;
  for (;;) {
    const response = await fetch(`${origin}/dev/outbox.json?to=${encodeURIComponent(phone)}`);
    const codes = (await response.json()).filter((message) => message.code).map((message) => message.code);
    if (codes.length >= count) return codes[0];
    if (Date.now() > deadline) throw new Error(`No code number ${count} for ${phone} in the dev outbox`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const randomPhone = () => `+7958${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;

describe('the stories’ fake API answers as the server does', () => {
  let server;
  let real;
  let fake;
  before(async () => {
    server = await startTestServer();
    const created = await fetch(`${server.url}/api/v1/test/accounts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ secondFactor: 'sms' }),
    });
    assert.equal(created.status, 200, await created.clone().text());
    const account = await created.json();
    const newPhone = randomPhone();
    const serverContext = { account, newPhone, codesSent: 1 };
    serverContext.code = () => outboxCode(server.url, account.phone, serverContext.codesSent);
    real = await run(serverBrowser(server.url), serverContext);

    const api = new FakeCabinetApi({ password: account.password });
    fake = await run(fakeBrowser(api), { account: { ...account, phone: api.profile.phone }, newPhone, code: async () => demoCode });
  });
  after(() => server?.stop());

  for (const step of steps) {
    test(step.name, () => {
      const serverAnswer = real.get(step.name);
      const fakeAnswer = fake.get(step.name);
      // The step does what it says on the server…
      assert.equal(serverAnswer.status, step.expect.status, JSON.stringify(serverAnswer.body));
      if (step.expect.code) assert.equal(serverAnswer.body?.code, step.expect.code);
      if (step.expect.fieldCodes) assert.deepEqual(serverAnswer.body?.errors?.map((error) => error.code), step.expect.fieldCodes);
      // …and the fake answers alike.
      const found = [
        ...['status', 'contentType', 'idleHeader', 'retryAfterHeader']
          .filter((part) => serverAnswer[part] !== fakeAnswer[part])
          .map((part) => `${part}: server ${serverAnswer[part]}, fake ${fakeAnswer[part]}`),
        ...(step.body === false ? [] : differences(serverAnswer.body, fakeAnswer.body, { values: step.values !== false })),
      ];
      assert.deepEqual(found, [], `${step.name}:\n  ${found.join('\n  ')}\nserver: ${JSON.stringify(serverAnswer.body)}\nfake: ${JSON.stringify(fakeAnswer.body)}`);
    });
  }
});
