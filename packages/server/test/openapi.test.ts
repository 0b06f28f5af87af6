import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startServer, type TestServer } from './helpers.js';

let server: TestServer;
before(async () => (server = await startServer()));
after(() => server.close());

test('the OpenAPI document describes the API from the shared schemas', async () => {
  const response = await server.browser().get('/api/v1/openapi.json');
  assert.equal(response.statusCode, 200);
  const document = response.json();
  assert.equal(document.openapi, '3.1.0');
  assert.deepEqual(Object.keys(document.paths).sort(), [
    '/api/v1/auth/login',
    '/api/v1/auth/login/code',
    '/api/v1/auth/login/code/resend',
    '/api/v1/auth/logout',
    '/api/v1/auth/session',
    '/api/v1/health',
    '/api/v1/profile',
  ]);

  const login = document.paths['/api/v1/auth/login'].post;
  assert.deepEqual(login.requestBody.content['application/json'].schema, { $ref: '#/components/schemas/LoginRequestInput' });
  assert.ok(login.responses['401'].content['application/problem+json'].schema);
  assert.ok(login.responses['423'], 'the lockout answer is documented');

  const schemas = document.components.schemas;
  assert.deepEqual(schemas.LoginRequestInput.required.sort(), ['identifier', 'password']);
  assert.equal(schemas.LoginRequestInput.additionalProperties, false);
  assert.ok(schemas.Problem.properties.code.enum.includes('account_locked'));
  assert.ok(schemas.OtpChallenge.properties.expiresIn);
  assert.equal(document.components.securitySchemes.session.name, '__Host-mfc_session');
});
