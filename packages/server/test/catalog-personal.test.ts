import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CatalogPersonal, FilterPreset } from '@mfc-cabinet/core/catalog-schemas';
import { catalogData } from '../src/catalog/data/index.js';
import { assertProblem, signedIn, snapshot, startServer, type TestBrowser, type TestServer } from './helpers.js';

let server: TestServer;
before(async () => (server = await startServer()));
after(() => server.close());

const api = '/api/v1/catalog';
const ids = catalogData.services.map(({ id }) => id);

function put(browser: TestBrowser, path: string, headers: Record<string, string> = {}) {
  return browser.request({ method: 'PUT', url: `${api}${path}`, headers });
}

/** The answer as the citizen's catalog data, after checking its status. */
function personal(response: Awaited<ReturnType<TestBrowser['get']>>, status = 200): CatalogPersonal {
  assert.equal(response.statusCode, status, response.body);
  return CatalogPersonal.parse(response.json());
}

describe('signing in is needed', () => {
  const routes: Array<[string, string, unknown?]> = [
    ['GET', '/me'],
    ['PUT', '/favourites/snils'],
    ['DELETE', '/favourites/snils'],
    ['POST', '/recent', { serviceId: 'snils' }],
    ['POST', '/presets', { name: 'Мои', filters: {} }],
    ['DELETE', '/presets/some-id'],
  ];
  for (const [method, path, payload] of routes) {
    test(`${method} ${path} without a session is unauthenticated`, async () => {
      const response = await server.browser().request({ method: method as 'GET', url: `${api}${path}`, ...(payload ? { payload: payload as object } : {}) });
      assertProblem(response, 401, 'unauthenticated');
    });
  }

  for (const [method, path, payload] of routes.filter(([method]) => method !== 'GET')) {
    test(`${method} ${path} needs the CSRF token and changes nothing without it`, async () => {
      const { browser } = await signedIn(server);
      const before = await snapshot(server.db);
      const response = await browser.request({ method: method as 'PUT', url: `${api}${path}`, ...(payload ? { payload: payload as object } : {}) });
      assertProblem(response, 403, 'csrf_failed');
      assert.deepEqual(await snapshot(server.db), before, 'nothing changed');
    });
  }

  test('the personal routes extend the session', async () => {
    const { browser, csrf } = await signedIn(server);
    await server.advance(100_000);
    const read = await browser.get(`${api}/me`);
    assert.equal(read.headers['cabinet-session-idle-expires-in'], '300');
    await server.advance(100_000);
    const changed = await put(browser, '/favourites/snils', csrf);
    assert.equal(changed.headers['cabinet-session-idle-expires-in'], '300');
  });
});

describe('favourites', () => {
  test('are added idempotently, newest first, and removed', async () => {
    const { browser, csrf } = await signedIn(server);
    assert.deepEqual(personal(await browser.get(`${api}/me`)), { favourites: [], recent: [], presets: [] });
    personal(await put(browser, '/favourites/snils', csrf));
    const added = personal(await put(browser, '/favourites/egrn-extract', csrf));
    assert.deepEqual(added.favourites, ['egrn-extract', 'snils']);
    const again = personal(await put(browser, '/favourites/snils', csrf));
    assert.deepEqual(again.favourites, ['egrn-extract', 'snils'], 'adding again changes nothing');
    const removed = personal(await browser.delete(`${api}/favourites/egrn-extract`, csrf));
    assert.deepEqual(removed.favourites, ['snils']);
    assert.deepEqual(personal(await browser.delete(`${api}/favourites/egrn-extract`, csrf)).favourites, ['snils'], 'removing again is fine');
    assert.deepEqual(personal(await browser.get(`${api}/me`)).favourites, ['snils']);
  });

  test('are each citizen’s own', async () => {
    const first = await signedIn(server);
    const second = await signedIn(server);
    personal(await put(first.browser, '/favourites/inn', first.csrf));
    assert.deepEqual(personal(await second.browser.get(`${api}/me`)).favourites, []);
    personal(await second.browser.delete(`${api}/favourites/inn`, second.csrf));
    assert.deepEqual(personal(await first.browser.get(`${api}/me`)).favourites, ['inn']);
  });

  test('of an unknown service are not_found', async () => {
    const { browser, csrf } = await signedIn(server);
    assertProblem(await put(browser, '/favourites/no-such-service', csrf), 404, 'not_found');
    assertProblem(await browser.delete(`${api}/favourites/no-such-service`, csrf), 404, 'not_found');
    assert.deepEqual(personal(await browser.get(`${api}/me`)).favourites, []);
  });
});

describe('recently viewed', () => {
  const view = (browser: TestBrowser, csrf: Record<string, string>, serviceId: string) => browser.post(`${api}/recent`, { serviceId }, csrf);

  test('keeps the last 20, most recent first, without repeats', async () => {
    const { browser, csrf } = await signedIn(server);
    const viewed = ids.slice(0, 25);
    for (const id of viewed) personal(await view(browser, csrf, id));
    const { recent } = personal(await browser.get(`${api}/me`));
    assert.deepEqual(recent, viewed.slice(5).reverse());

    const again = personal(await view(browser, csrf, viewed[10]!)).recent;
    assert.equal(again[0], viewed[10], 'viewed again goes first');
    assert.equal(again.length, 20);
    assert.equal(new Set(again).size, 20, 'no repeats');
    assert.deepEqual(again.slice(1), viewed.slice(5).reverse().filter((id) => id !== viewed[10]));

    const other = await signedIn(server);
    assert.deepEqual(personal(await other.browser.get(`${api}/me`)).recent, [], 'each citizen’s own');
  });

  test('of an unknown service is not_found, and a bad body is refused', async () => {
    const { browser, csrf } = await signedIn(server);
    assertProblem(await view(browser, csrf, 'no-such-service'), 404, 'not_found');
    const problem = assertProblem(await browser.post(`${api}/recent`, { serviceId: 'snils', extra: 1 }, csrf), 400, 'validation_failed');
    assert.deepEqual((problem.errors as Array<{ field: string }>).map(({ field }) => field), ['extra']);
    assertProblem(await browser.post(`${api}/recent`, {}, csrf), 400, 'validation_failed');
    assert.deepEqual(personal(await browser.get(`${api}/me`)).recent, []);
  });
});

describe('filter presets', () => {
  const children = { name: '  Детям в Заречном ', filters: { category: 'education', municipality: 'zarechny', maxTermDays: 10 } };

  test('are saved, listed and deleted', async () => {
    const { browser, csrf } = await signedIn(server);
    const created = await browser.post(`${api}/presets`, children, csrf);
    assert.equal(created.statusCode, 201, created.body);
    const preset = FilterPreset.parse(created.json());
    assert.equal(preset.name, 'Детям в Заречном', 'the name is trimmed');
    assert.deepEqual(preset.filters, children.filters);
    assert.equal(preset.createdAt, new Date(server.clock.now()).toISOString());

    const second = FilterPreset.parse((await browser.post(`${api}/presets`, { name: 'Онлайн', filters: { delivery: 'online' } }, csrf)).json());
    assert.deepEqual(personal(await browser.get(`${api}/me`)).presets, [preset, second], 'oldest first');

    const deleted = await browser.delete(`${api}/presets/${preset.id}`, csrf);
    assert.equal(deleted.statusCode, 204, deleted.body);
    assert.deepEqual(personal(await browser.get(`${api}/me`)).presets, [second]);
    assertProblem(await browser.delete(`${api}/presets/${preset.id}`, csrf), 404, 'not_found');
  });

  test('of another citizen cannot be deleted or seen', async () => {
    const owner = await signedIn(server);
    const stranger = await signedIn(server);
    const preset = FilterPreset.parse((await owner.browser.post(`${api}/presets`, children, owner.csrf)).json());
    assertProblem(await stranger.browser.delete(`${api}/presets/${preset.id}`, stranger.csrf), 404, 'not_found');
    assert.deepEqual(personal(await stranger.browser.get(`${api}/me`)).presets, []);
    assert.deepEqual(personal(await owner.browser.get(`${api}/me`)).presets, [preset], 'still there');
  });

  test('are at most 20 per citizen', async () => {
    const { browser, csrf } = await signedIn(server);
    for (let n = 1; n <= 20; n++) {
      assert.equal((await browser.post(`${api}/presets`, { name: `Набор ${n}`, filters: {} }, csrf)).statusCode, 201);
    }
    assertProblem(await browser.post(`${api}/presets`, { name: 'Двадцать первый', filters: {} }, csrf), 409, 'conflict');
    assert.equal(personal(await browser.get(`${api}/me`)).presets.length, 20);

    const other = await signedIn(server);
    assert.equal((await other.browser.post(`${api}/presets`, { name: 'Свой', filters: {} }, other.csrf)).statusCode, 201, 'the limit is per citizen');
  });

  const refused: Array<[string, unknown, string]> = [
    ['an empty name', { name: '   ', filters: {} }, 'name'],
    ['a long name', { name: 'я'.repeat(61), filters: {} }, 'name'],
    ['an unknown filter', { name: 'Мои', filters: { colour: 'red' } }, 'filters.colour'],
    ['a wrong level', { name: 'Мои', filters: { level: 'city' } }, 'filters.level'],
    ['a term of 0 days', { name: 'Мои', filters: { maxTermDays: 0 } }, 'filters.maxTermDays'],
    ['an unknown category', { name: 'Мои', filters: { category: 'unicorns' } }, 'filters.category'],
    ['an unknown municipality', { name: 'Мои', filters: { municipality: 'atlantis' } }, 'filters.municipality'],
  ];
  for (const [what, body, field] of refused) {
    test(`with ${what} are refused`, async () => {
      const { browser, csrf } = await signedIn(server);
      const problem = assertProblem(await browser.post(`${api}/presets`, body, csrf), 400, 'validation_failed');
      assert.deepEqual((problem.errors as Array<{ field: string }>).map((error) => error.field), [field]);
      assert.deepEqual(personal(await browser.get(`${api}/me`)).presets, []);
    });
  }
});
