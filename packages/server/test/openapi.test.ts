import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
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
    '/api/v1/applications',
    '/api/v1/applications/export.csv',
    '/api/v1/applications/export.pdf',
    '/api/v1/applications/{id}',
    '/api/v1/applications/{id}/answer',
    '/api/v1/applications/{id}/copy.pdf',
    '/api/v1/applications/{id}/draft',
    '/api/v1/applications/{id}/submit',
    '/api/v1/applications/{id}/withdraw',
    '/api/v1/auth/login',
    '/api/v1/auth/login/code',
    '/api/v1/auth/login/code/resend',
    '/api/v1/auth/logout',
    '/api/v1/auth/password/temporary',
    '/api/v1/auth/recovery',
    '/api/v1/auth/recovery/code',
    '/api/v1/auth/recovery/code/resend',
    '/api/v1/auth/recovery/password',
    '/api/v1/auth/registration',
    '/api/v1/auth/registration/code',
    '/api/v1/auth/registration/code/resend',
    '/api/v1/auth/session',
    '/api/v1/auth/session/extend',
    '/api/v1/auth/sessions',
    '/api/v1/auth/sessions/revoke-others',
    '/api/v1/auth/sessions/{id}',
    '/api/v1/catalog/categories',
    '/api/v1/catalog/favourites/{serviceId}',
    '/api/v1/catalog/me',
    '/api/v1/catalog/presets',
    '/api/v1/catalog/presets/{id}',
    '/api/v1/catalog/recent',
    '/api/v1/catalog/search-index',
    '/api/v1/catalog/services',
    '/api/v1/catalog/services/{id}',
    '/api/v1/consents/personal-data',
    '/api/v1/documents',
    '/api/v1/documents/{id}',
    '/api/v1/documents/{id}/attach',
    '/api/v1/documents/{id}/content',
    '/api/v1/documents/{id}/detach',
    '/api/v1/health',
    '/api/v1/operator/applications',
    '/api/v1/operator/applications/{id}',
    '/api/v1/operator/applications/{id}/documents',
    '/api/v1/operator/applications/{id}/documents/{documentId}/content',
    '/api/v1/operator/applications/{id}/results',
    '/api/v1/operator/applications/{id}/transitions',
    '/api/v1/operator/audit',
    '/api/v1/operator/citizens/lookup',
    '/api/v1/operator/citizens/{id}/temporary-password',
    '/api/v1/operator/identity-confirmations',
    '/api/v1/profile',
    '/api/v1/profile/changes',
    '/api/v1/profile/changes/{id}/not-me',
    '/api/v1/profile/close',
    '/api/v1/profile/contacts/confirm',
    '/api/v1/profile/contacts/email',
    '/api/v1/profile/contacts/phone',
    '/api/v1/profile/contacts/resend',
    '/api/v1/profile/email/code',
    '/api/v1/profile/email/code/resend',
    '/api/v1/profile/export.json',
    '/api/v1/profile/export.pdf',
    '/api/v1/profile/identity-confirmation',
    '/api/v1/profile/identity-confirmation/qr.svg',
    '/api/v1/profile/password',
    '/api/v1/profile/personal-data',
    '/api/v1/profile/second-factor',
    '/api/v1/profile/sign-ins',
    '/api/v1/uploads',
    '/api/v1/uploads/{id}',
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

  const registration = document.paths['/api/v1/auth/registration'].post;
  assert.deepEqual(registration.requestBody.content['application/json'].schema, { $ref: '#/components/schemas/RegistrationRequestInput' });
  assert.deepEqual(schemas.RegistrationRequestInput.required.sort(), ['consent', 'password', 'phone']);
  assert.ok(schemas.Profile.properties.registryCheck, 'the profile shows the registry check');
  assert.ok(schemas.RecoveryChallenge.properties.id);
  assert.equal(schemas.RecoveryChallenge.properties.destination, undefined, 'recovery does not tell where the code went');
  const personalData = document.paths['/api/v1/profile/personal-data'].put;
  assert.deepEqual(personalData.security, [{ session: [], csrf: [] }]);
  assert.ok(personalData.responses['401'] && personalData.responses['403'] && personalData.responses['400']);
  assert.ok(document.paths['/api/v1/auth/recovery/password'].post.responses['204']);
  assert.ok(document.paths['/api/v1/consents/personal-data'].get.responses['200']);
});

test('the profile’s contacts, password, history and «Это был не я» are documented', async () => {
  const { paths, components } = (await server.browser().get('/api/v1/openapi.json')).json();
  const operations = {
    changePhone: paths['/api/v1/profile/contacts/phone'].post,
    changeEmail: paths['/api/v1/profile/contacts/email'].post,
    confirmContactChange: paths['/api/v1/profile/contacts/confirm'].post,
    resendContactCode: paths['/api/v1/profile/contacts/resend'].post,
    changePassword: paths['/api/v1/profile/password'].post,
    setSecondFactor: paths['/api/v1/profile/second-factor'].put,
    reportProfileChangeNotMe: paths['/api/v1/profile/changes/{id}/not-me'].post,
  };
  for (const [operationId, operation] of Object.entries(operations)) {
    assert.equal(operation.operationId, operationId);
    assert.deepEqual(operation.tags, ['profile'], operationId);
    assert.deepEqual(operation.security, [{ session: [], csrf: [] }], operationId);
    assert.ok(operation.summary && operation.responses['200'] && operation.responses['401'] && operation.responses['403'], operationId);
  }
  for (const operation of [operations.changePhone, operations.changeEmail, operations.changePassword, operations.setSecondFactor]) {
    assert.match(operation.responses['401'].description, /invalid_credentials/);
    assert.match(operation.responses['423'].description, /account_locked/);
  }
  assert.match(operations.confirmContactChange.responses['400'].description, /otp_invalid/);
  assert.match(operations.reportProfileChangeNotMe.responses['404'].description, /not_found/);
  const history = paths['/api/v1/profile/changes'].get;
  assert.equal(history.operationId, 'listProfileChanges');
  assert.deepEqual(history.parameters.map(({ name }: { name: string }) => name).sort(), ['cursor', 'limit']);
  assert.ok(components.schemas.ProfileChange.properties.changes);
  assert.deepEqual(components.schemas.PasswordChangeRequestInput.required.sort(), ['currentPassword', 'endOtherSessions', 'password']);
  assert.deepEqual(components.schemas.SecondFactorRequestInput.required.sort(), ['channel', 'currentPassword']);
  assert.equal(components.schemas.SecondFactorRequestInput.additionalProperties, false);
  const signIns = paths['/api/v1/profile/sign-ins'].get;
  assert.equal(signIns.operationId, 'listSignIns');
  assert.deepEqual(signIns.security, [{ session: [] }]);
  assert.deepEqual(signIns.parameters.map(({ name }: { name: string }) => name).sort(), ['cursor', 'limit']);
  assert.deepEqual(components.schemas.SignIn.properties.outcome, { $ref: '#/components/schemas/SignInOutcome' });
  assert.deepEqual(components.schemas.SignInOutcome.enum, ['signed_in', 'wrong_password', 'wrong_code', 'locked']);
});

test('the operator API, sessions and identity confirmation are documented', async () => {
  const document = (await server.browser().get('/api/v1/openapi.json')).json();
  const { paths, components } = document;
  for (const [path, method] of [
    ['/api/v1/operator/citizens/lookup', 'post'],
    ['/api/v1/operator/citizens/{id}/temporary-password', 'post'],
    ['/api/v1/operator/identity-confirmations', 'post'],
  ] as const) {
    const route = paths[path][method];
    assert.deepEqual(route.tags, ['operator'], path);
    assert.deepEqual(route.security, [{ session: [], csrf: [] }], path);
    assert.ok(route.responses['401'] && route.responses['403'], path);
    assert.match(route.responses['403'].description, /forbidden/, path);
  }
  assert.deepEqual(paths['/api/v1/operator/identity-confirmations'].post.requestBody.content['application/json'].schema, {
    $ref: '#/components/schemas/IdentityConfirmationRequestInput',
  });
  assert.ok(paths['/api/v1/operator/identity-confirmations'].post.responses['409'], 'a passport that does not match');
  assert.deepEqual(
    paths['/api/v1/operator/audit'].get.parameters.map(({ name, in: where }: { name: string; in: string }) => `${where}:${name}`),
    ['query:accountId', 'query:limit'],
  );
  assert.ok(paths['/api/v1/auth/sessions/{id}'].delete.responses['204']);
  assert.ok(paths['/api/v1/auth/sessions/{id}'].delete.responses['404']);
  assert.deepEqual(paths['/api/v1/profile/identity-confirmation/qr.svg'].get.responses['200'].content['image/svg+xml'].schema, { type: 'string' });
  assert.deepEqual(components.schemas.Session.required.sort(), [
    'createdAt',
    'csrfToken',
    'expiresAt',
    'expiresIn',
    'idleExpiresAt',
    'idleExpiresIn',
    'idleTimeout',
    'user',
  ]);
  assert.deepEqual(components.schemas.SessionUser?.required ?? components.schemas.Session.properties.user.required, ['id', 'displayName', 'level', 'role']);
  assert.match(document.info.description, /Cabinet-Session-Idle-Expires-In/);
});

test('the catalog is documented with its schemas as components', async () => {
  const { paths, components } = (await server.browser().get('/api/v1/openapi.json')).json();
  const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
  assert.deepEqual(paths['/api/v1/catalog/services'].get.responses['200'].content['application/json'].schema, ref('ServicePage'));
  assert.deepEqual(
    paths['/api/v1/catalog/services'].get.parameters.map(({ name }: { name: string }) => name),
    ['category', 'level', 'municipality', 'delivery', 'maxTermDays', 'availability', 'cursor', 'limit', 'lang'],
  );
  assert.deepEqual(paths['/api/v1/catalog/services/{id}'].get.responses['200'].content['application/json'].schema, ref('Service'));
  for (const path of ['/api/v1/catalog/services/{id}', '/api/v1/catalog/categories', '/api/v1/catalog/search-index']) {
    assert.ok(paths[path].get.parameters.some(({ name }: { name: string }) => name === 'lang'), `${path} takes ?lang=`);
  }
  assert.deepEqual(paths['/api/v1/catalog/search-index'].get.responses['200'].content['application/json'].schema, ref('SearchIndex'));
  assert.ok(paths['/api/v1/catalog/search-index'].get.responses['304']);
  assert.deepEqual(paths['/api/v1/catalog/services'].get.security, [], 'the catalog is public');
  const presets = paths['/api/v1/catalog/presets'].post;
  assert.deepEqual(presets.requestBody.content['application/json'].schema, ref('FilterPresetRequestInput'));
  assert.deepEqual(presets.responses['201'].content['application/json'].schema, ref('FilterPreset'));
  assert.deepEqual(presets.security, [{ session: [], csrf: [] }]);
  assert.ok(presets.responses['409'] && presets.responses['401'] && presets.responses['403']);
  assert.ok(paths['/api/v1/catalog/presets/{id}'].delete.responses['204'] && paths['/api/v1/catalog/presets/{id}'].delete.responses['404']);
  for (const method of ['put', 'delete']) {
    assert.deepEqual(paths['/api/v1/catalog/favourites/{serviceId}'][method].responses['200'].content['application/json'].schema, ref('CatalogPersonal'));
  }
  for (const name of ['Service', 'ServiceSummary', 'FormDefinition', 'FormField', 'Category', 'Municipality', 'CatalogFilters', 'CatalogPersonal']) {
    assert.ok(components.schemas[name], name);
  }
  assert.ok(components.schemas.FieldType.enum.includes('documents'));
});

type Operation = { operationId?: string; tags?: string[]; security?: Array<Record<string, string[]>> };
const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'];
function operationsOf(document: { paths: Record<string, Record<string, Operation>> }) {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => methods.includes(method))
      .map(([method, operation]) => ({ path, method, operation })),
  );
}

test('every operation has a unique operationId and a declared tag', async () => {
  const document = (await server.browser().get('/api/v1/openapi.json')).json();
  const operations = operationsOf(document);
  assert.ok(operations.length >= 60, `${operations.length} operations`);
  const ids = operations.map(({ operation }) => operation.operationId);
  for (const { path, method, operation } of operations) {
    assert.match(operation.operationId ?? '', /^[a-z][A-Za-z0-9]*$/, `${method} ${path}`);
    assert.ok(operation.tags && operation.tags.length > 0, `${method} ${path} has a tag`);
  }
  assert.equal(new Set(ids).size, ids.length, 'operationIds are unique');
  const declared = new Set(document.tags.map(({ name, description }: { name: string; description: string }) => (assert.ok(description, name), name)));
  for (const { operation } of operations) for (const tag of operation.tags!) assert.ok(declared.has(tag), `tag ${tag} is declared`);
});

test('operations that need no session say security: [], the others name the session cookie', async () => {
  const document = (await server.browser().get('/api/v1/openapi.json')).json();
  for (const { path, method, operation } of operationsOf(document)) {
    assert.ok(Array.isArray(operation.security), `${method} ${path} declares its security`);
    // Asked without a cookie: a route that needs a session refuses before reading anything.
    const url = path.replace(/\{[^}]+\}/g, 'x');
    const body = ['post', 'put', 'patch'].includes(method) ? { payload: {} } : {};
    const response = await server.browser().request({ method: method.toUpperCase() as 'GET', url, ...body });
    const unauthenticated = response.statusCode === 401 && String(response.headers['content-type']).includes('problem') && response.json().code === 'unauthenticated';
    if (operation.security!.length === 0) assert.ok(!unauthenticated, `${method} ${path} is public, so security: []`);
    else {
      assert.ok(unauthenticated, `${method} ${path} needs a session (${response.statusCode})`);
      for (const requirement of operation.security!) assert.ok('session' in requirement, `${method} ${path}`);
      if (method !== 'get') assert.ok(operation.security!.some((requirement) => 'csrf' in requirement), `${method} ${path} needs the CSRF header`);
    }
  }
});

test('redocly lint (recommended rules) finds nothing to report', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mfc-openapi-'));
  try {
    const file = join(dir, 'openapi.json');
    writeFileSync(file, (await server.browser().get('/api/v1/openapi.json')).body);
    const packageDir = join(import.meta.dirname, '..');
    const { stdout, stderr } = await promisify(execFile)('npx', ['--no-install', 'redocly', 'lint', file, '--format=json'], {
      cwd: packageDir,
      timeout: 120_000,
      maxBuffer: 16 * 1024 * 1024,
    }).catch((error: { stdout?: string; stderr?: string }) => ({ stdout: error.stdout ?? '', stderr: error.stderr ?? String(error) }));
    const report = JSON.parse(stdout) as { totals: { errors: number; warnings: number }; problems: Array<{ ruleId: string; message: string }> };
    assert.deepEqual(
      report.problems.map(({ ruleId, message }) => `${ruleId}: ${message}`),
      [],
      stderr,
    );
    assert.deepEqual(report.totals, { ...report.totals, errors: 0, warnings: 0 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
