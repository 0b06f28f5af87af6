import assert from 'node:assert/strict';
import { once } from 'node:events';
import { connect, type AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { Problem } from '@mfc-cabinet/core/schemas';
import { ConfigError, isLoopback, loadConfig } from '../src/config.js';
import { assertProblem, startServer, type TestServer } from './helpers.js';

/** The headers every answer carries, problem or page, API or site. */
function assertSecurityHeaders(headers: Record<string, unknown>, what: string): void {
  assert.equal(headers['x-content-type-options'], 'nosniff', what);
  assert.equal(headers['referrer-policy'], 'strict-origin-when-cross-origin', what);
  assert.equal(headers['cross-origin-opener-policy'], 'same-origin', what);
  assert.equal(headers['cross-origin-resource-policy'], 'same-site', what);
  const permissions = String(headers['permissions-policy']);
  assert.match(permissions, /(^|, )camera=\(self\)(,|$)/, what);
  assert.match(permissions, /(^|, )geolocation=\(self\)(,|$)/, what);
  for (const feature of ['microphone', 'payment', 'usb']) assert.match(permissions, new RegExp(`(^|, )${feature}=\\(\\)(,|$)`), `${what}: ${feature}`);
}

/** A refusal: problem+json with the code, the security headers of an API answer, nothing of the input. */
function assertRefusal(response: LightMyRequestResponse, status: number, code: string, input: string): Record<string, unknown> {
  const problem = assertProblem(response, status, code);
  assert.ok(Problem.safeParse(problem).success, 'matches the Problem schema');
  assertSecurityHeaders(response.headers, `${status}`);
  assert.equal(response.headers['cache-control'], 'no-store');
  assert.equal(response.headers['content-security-policy'], "default-src 'none'; frame-ancestors 'none'");
  assert.ok(!response.body.includes(input), 'the input is not echoed');
  return problem;
}

/** Sends `request` as raw bytes to a listening server; resolves with the raw answer once the server closes or ends it. */
async function rawExchange(port: number, request: string): Promise<string> {
  const socket = connect({ host: '127.0.0.1', port });
  await once(socket, 'connect');
  const chunks: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  socket.on('error', () => {});
  socket.write(request);
  await once(socket, 'close');
  return Buffer.concat(chunks).toString('utf8');
}

/** Splits a raw HTTP/1.1 answer into its status, lower-cased headers and body. */
function parseRaw(raw: string): { status: number; headers: Record<string, string>; body: string } {
  const end = raw.indexOf('\r\n\r\n');
  assert.ok(end > 0, `an HTTP answer: ${JSON.stringify(raw.slice(0, 200))}`);
  const [statusLine, ...lines] = raw.slice(0, end).split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status: Number(statusLine!.split(' ')[1]), headers, body: raw.slice(end + 4) };
}

describe('framework-level refusals are problems with the security headers', () => {
  let server: TestServer;
  before(async () => (server = await startServer()));
  after(() => server.close());

  test('a path parameter of 5,000 characters is 414, without echoing it', async () => {
    const id = `evil${'x'.repeat(5_000)}`;
    const requests = [
      ['DELETE', `/api/v1/catalog/favourites/${id}`],
      ['PUT', `/api/v1/catalog/favourites/${id}`],
      ['DELETE', `/api/v1/catalog/presets/${id}`],
      ['PATCH', `/api/v1/uploads/${id}`],
    ] as const;
    for (const [method, url] of requests) {
      const problem = assertRefusal(await server.browser().request({ method, url }), 414, 'payload_too_large', id.slice(0, 200));
      assert.match(String(problem.detail), /адрес/i);
    }
    // A GET reaches the site's catch-all route instead, which finds nothing.
    assertRefusal(await server.browser().get(`/api/v1/catalog/services/${id}`), 404, 'not_found', id.slice(0, 200));
  });

  test('a path that is not a valid URL component is malformed_request, without echoing it', async () => {
    const bad = '%E0%A4%A';
    const response = await server.browser().get(`/api/v1/catalog/services/${bad}`);
    assertRefusal(response, 400, 'malformed_request', bad);
  });

  test('malformed JSON, a wrong content type and too large a body carry the security headers', async () => {
    const login = '/api/v1/auth/login';
    const cases: Array<[string, Record<string, string>, number, string]> = [
      ['{"identifier": "+79000000001", "secret-input', { 'content-type': 'application/json' }, 400, 'malformed_request'],
      ['identifier=secret-input', { 'content-type': 'application/x-www-form-urlencoded' }, 415, 'unsupported_media_type'],
      [JSON.stringify({ identifier: 'secret-input', password: 'x'.repeat(17 * 1024) }), { 'content-type': 'application/json' }, 413, 'payload_too_large'],
    ];
    for (const [payload, headers, status, code] of cases) {
      const response = await server.browser().request({ method: 'POST', url: login, payload, headers });
      assertRefusal(response, status, code, 'secret-input');
    }
  });

  test('an unknown API route and an unknown page carry the security headers', async () => {
    assertRefusal(await server.browser().get('/api/v1/nothing-here-secret-input'), 404, 'not_found', 'secret-input');
    const page = await server.browser().get('/nothing-here');
    assert.equal(page.statusCode, 404);
    assertSecurityHeaders(page.headers, 'the 404 page');
  });
});

describe('refusals of the HTTP parser, over a real connection', () => {
  let server: TestServer;
  let port: number;
  before(async () => {
    server = await startServer();
    await server.app.listen({ host: '127.0.0.1', port: 0 });
    port = (server.app.server.address() as AddressInfo).port;
  });
  after(() => server.close());

  test('headers over the size limit are 431 problem+json with the security headers, not echoed', async () => {
    const big = `secret-input${'y'.repeat(20 * 1024)}`;
    const raw = await rawExchange(port, `GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${big}\r\n\r\n`);
    const { status, headers, body } = parseRaw(raw);
    assert.equal(status, 431);
    assert.match(headers['content-type'] ?? '', /^application\/problem\+json/);
    assert.equal(Number(headers['content-length']), Buffer.byteLength(body));
    const problem = JSON.parse(body) as Record<string, unknown>;
    assert.ok(Problem.safeParse(problem).success, 'matches the Problem schema');
    assert.equal(problem.code, 'payload_too_large');
    assert.equal(problem.status, 431);
    assert.match(String(problem.detail), /заголов/i);
    assertSecurityHeaders(headers, '431');
    assert.equal(headers['cache-control'], 'no-store');
    assert.equal(headers['strict-transport-security'], undefined, 'plain http');
    assert.ok(!raw.includes('secret-input'));
  });

  test('a request the parser cannot read is 400 malformed_request', async () => {
    const raw = await rawExchange(port, 'GET /secret-input HTTP/1.1\r\nHost 127.0.0.1\r\n\r\n');
    const { status, headers, body } = parseRaw(raw);
    assert.equal(status, 400);
    assert.match(headers['content-type'] ?? '', /^application\/problem\+json/);
    assert.equal((JSON.parse(body) as { code: string }).code, 'malformed_request');
    assertSecurityHeaders(headers, '400');
    assert.ok(!raw.includes('secret-input'));
  });

  test('the server still answers after the refusals', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cross-origin-opener-policy'), 'same-origin');
    await response.arrayBuffer();
  });
});

describe('answers carry COOP, CORP and Permissions-Policy; HSTS only over TLS', () => {
  let server: TestServer;
  before(async () => (server = await startServer()));
  after(() => server.close());

  test('API answers and the site alike', async () => {
    for (const url of ['/api/v1/health', '/api/v1/catalog/services', '/', '/nothing', '/dev/outbox', '/api/v1/openapi.json']) {
      const response = await server.browser().get(url);
      assertSecurityHeaders(response.headers, url);
    }
  });

  test('no HSTS over plain http, nor for a forwarded https the server does not trust', async () => {
    assert.equal((await server.browser().get('/api/v1/health')).headers['strict-transport-security'], undefined);
    const forwarded = await server.browser().get('/', { 'x-forwarded-proto': 'https' });
    assert.equal(forwarded.headers['strict-transport-security'], undefined, 'TRUST_PROXY is not set');
  });

  test('behind a trusted TLS proxy, HSTS on every answer', async () => {
    const proxied = await startServer({ TRUST_PROXY: 'true' });
    try {
      for (const url of ['/api/v1/health', '/', '/api/v1/nothing-here']) {
        const response = await proxied.browser().get(url, { 'x-forwarded-proto': 'https' });
        assert.equal(response.headers['strict-transport-security'], 'max-age=31536000; includeSubDomains', url);
        assertSecurityHeaders(response.headers, url);
      }
      const plain = await proxied.browser().get('/api/v1/health', { 'x-forwarded-proto': 'http' });
      assert.equal(plain.headers['strict-transport-security'], undefined, 'the proxy says plain http');
      const none = await proxied.browser().get('/api/v1/health');
      assert.equal(none.headers['strict-transport-security'], undefined, 'no proxy header');
    } finally {
      await proxied.close();
    }
  });
});

describe('demo mode stays on this machine unless forced', () => {
  const network = ['0.0.0.0', '::', '192.168.1.10', '::ffff:10.0.0.1', 'cabinet.example', '127.0.0.1.nip.io'];
  const loopback = ['localhost', 'LOCALHOST', '127.0.0.1', '127.0.0.2', '::1', '[::1]', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1'];

  test('loopback is this machine only', () => {
    for (const host of loopback) assert.ok(isLoopback(host), host);
    for (const host of network) assert.ok(!isLoopback(host), host);
  });

  test('demo and test modes refuse a non-loopback HOST, saying why and how to force it', () => {
    for (const mode of ['demo', 'test']) {
      for (const host of network) {
        assert.throws(
          () => loadConfig({ MFC_MODE: mode, HOST: host }),
          (error: unknown) =>
            error instanceof ConfigError &&
            error.message.includes(`HOST=${host}`) &&
            error.message.includes('ALLOW_DEMO_ON_NETWORK=1') &&
            error.message.includes('/dev/outbox') &&
            !/\n\s+at /.test(error.message),
          `${mode} on ${host}`,
        );
      }
    }
  });

  test('loopback hosts are fine', () => {
    for (const host of loopback) assert.equal(loadConfig({ MFC_MODE: 'demo', HOST: host }).host, host);
  });

  test('ALLOW_DEMO_ON_NETWORK=1 forces it; production is not concerned', () => {
    assert.equal(loadConfig({ MFC_MODE: 'demo', HOST: '0.0.0.0', ALLOW_DEMO_ON_NETWORK: '1' }).host, '0.0.0.0');
    assert.throws(() => loadConfig({ MFC_MODE: 'demo', HOST: '0.0.0.0', ALLOW_DEMO_ON_NETWORK: '0' }), /ALLOW_DEMO_ON_NETWORK/);
    assert.throws(() => loadConfig({ MFC_MODE: 'demo', ALLOW_DEMO_ON_NETWORK: 'yes' }), /ALLOW_DEMO_ON_NETWORK: expected 0 or 1/);
    const webhooks = { SMS_WEBHOOK_URL: 'https://sms.example/send', EMAIL_WEBHOOK_URL: 'https://mail.example/send' };
    assert.equal(loadConfig({ ...webhooks, HOST: '0.0.0.0' }).host, '0.0.0.0');
  });
});
