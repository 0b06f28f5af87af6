import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CategoryList, SearchIndex, Service, ServicePage, type CatalogFilters, type ServiceSummary } from '@mfc-cabinet/core/catalog-schemas';
import { catalogData } from '../src/catalog/data/index.js';
import { Catalog } from '../src/catalog/catalog.js';
import { entityTag } from '../src/http/etag.js';
import { assertProblem, signedIn, startServer, type TestServer } from './helpers.js';

let server: TestServer;
before(async () => (server = await startServer()));
after(() => server.close());

const { services } = catalogData;
const url = (query: Record<string, string | number> = {}) =>
  `/api/v1/catalog/services?${new URLSearchParams(Object.entries(query).map(([key, value]): [string, string] => [key, String(value)]))}`;

/** The catalog's order: popular first, then by title, then by id. */
const byCatalogOrder = (a: ServiceSummary, b: ServiceSummary) =>
  b.popularity - a.popularity || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0) || (a.id < b.id ? -1 : 1);

/** The ids the filters should give, in order, worked out from the data. */
function expected(filters: CatalogFilters): string[] {
  return services
    .filter(
      (service) =>
        (filters.category === undefined || service.categoryId === filters.category) &&
        (filters.level === undefined || service.level === filters.level) &&
        (filters.municipality === undefined || service.municipalityId === null || service.municipalityId === filters.municipality) &&
        (filters.delivery === undefined || service.deliveryMethods.includes(filters.delivery)) &&
        (filters.maxTermDays === undefined || service.termDays <= filters.maxTermDays) &&
        (filters.availability === undefined || service.availability === filters.availability),
    )
    .sort(byCatalogOrder)
    .map(({ id }) => id);
}

/** Every page of the query, following `nextCursor`; the ids in the order they came. */
async function walk(query: Record<string, string | number>): Promise<{ ids: string[]; pages: ServicePage[] }> {
  const pages: ServicePage[] = [];
  let cursor: string | null = null;
  do {
    const response = await server.browser().get(url({ ...query, ...(cursor === null ? {} : { cursor }) }));
    assert.equal(response.statusCode, 200, response.body);
    const page = ServicePage.parse(response.json());
    pages.push(page);
    cursor = page.nextCursor;
    assert.ok(pages.length <= services.length + 1, 'the walk ends');
  } while (cursor !== null);
  return { ids: pages.flatMap(({ items }) => items.map(({ id }) => id)), pages };
}

describe('the list of services', () => {
  test('gives 20 of all services by default, popular first', async () => {
    const response = await server.browser().get('/api/v1/catalog/services');
    assert.equal(response.statusCode, 200, response.body);
    const page = ServicePage.parse(response.json());
    assert.equal(page.total, services.length);
    assert.equal(page.items.length, 20);
    assert.deepEqual(page.items.map(({ id }) => id), expected({}).slice(0, 20));
    assert.ok(page.nextCursor);
    assert.equal((page.items[0] as Record<string, unknown>).form, undefined, 'summaries only');
  });

  test('cursor pagination walks every service exactly once, in order', async () => {
    const { ids, pages } = await walk({ limit: 7 });
    assert.deepEqual(ids, expected({}));
    assert.equal(new Set(ids).size, services.length);
    assert.equal(pages.length, Math.ceil(services.length / 7));
    assert.ok(pages.every(({ total }) => total === services.length));
    assert.ok(pages.slice(0, -1).every(({ items }) => items.length === 7));
    const whole = await walk({ limit: 100 });
    assert.equal(whole.pages.length, 1, 'one page holds them all');
    assert.deepEqual(whole.ids, ids);
  });

  const single: Array<[string, CatalogFilters, Record<string, string | number>]> = [
    ['category', { category: 'education' }, { category: 'education' }],
    ['level', { level: 'regional' }, { level: 'regional' }],
    ['delivery', { delivery: 'mail' }, { delivery: 'mail' }],
    ['maxTermDays', { maxTermDays: 3 }, { maxTermDays: 3 }],
    ['availability', { availability: 'in_development' }, { availability: 'in_development' }],
    ['municipality', { municipality: 'svetlogorsky' }, { municipality: 'svetlogorsky' }],
  ];
  for (const [name, filters, query] of single) {
    test(`filters by ${name}`, async () => {
      const want = expected(filters);
      assert.ok(want.length > 0 && want.length < services.length, 'the filter keeps some and drops some');
      const { ids, pages } = await walk({ ...query, limit: 10 });
      assert.deepEqual(ids, want);
      assert.equal(pages[0]?.total, want.length);
    });
  }

  test('a municipality gives its own services and the federal and regional ones, not other municipalities’', async () => {
    const { ids } = await walk({ municipality: 'zarechny', limit: 100 });
    const found = services.filter(({ id }) => ids.includes(id));
    assert.ok(found.some(({ level }) => level === 'federal'));
    assert.ok(found.some(({ level }) => level === 'regional'));
    assert.ok(found.some(({ municipalityId }) => municipalityId === 'zarechny'));
    assert.ok(found.every(({ municipalityId }) => municipalityId === null || municipalityId === 'zarechny'));
    assert.ok(ids.includes('kindergarten-zarechny') && !ids.includes('kindergarten-svetlogorsky'));
    const own = await walk({ municipality: 'zarechny', level: 'municipal', limit: 100 });
    assert.deepEqual(own.ids, expected({ municipality: 'zarechny', level: 'municipal' }));
    assert.ok(services.filter(({ id }) => own.ids.includes(id)).every(({ municipalityId }) => municipalityId === 'zarechny'));
  });

  test('filters combine with AND', async () => {
    const filters: CatalogFilters = { category: 'social', level: 'regional', delivery: 'online', maxTermDays: 10, availability: 'available' };
    const want = expected(filters);
    assert.ok(want.length >= 2, 'the combination keeps some');
    for (const key of Object.keys(filters) as Array<keyof CatalogFilters>) {
      const { [key]: _dropped, ...fewer } = filters;
      assert.ok(expected(fewer).length > want.length, `${key} narrows the combination`);
    }
    const { ids } = await walk({ ...(filters as Record<string, string | number>), limit: 1 });
    assert.deepEqual(ids, want);
    const none = await server.browser().get(url({ ...(filters as Record<string, string | number>), maxTermDays: 1 }));
    assert.deepEqual(ServicePage.parse(none.json()), { items: [], nextCursor: null, total: 0 });
  });

  const bad: Array<[string, string]> = [
    ['level', 'city'],
    ['delivery', 'fax'],
    ['availability', 'maybe'],
    ['maxTermDays', '0'],
    ['maxTermDays', '1.5'],
    ['maxTermDays', 'week'],
    ['maxTermDays', '366'],
    ['limit', '0'],
    ['limit', '101'],
    ['limit', 'all'],
    ['category', 'unicorns'],
    ['municipality', 'atlantis'],
    ['cursor', 'not-a-cursor'],
    ['cursor', Buffer.from('{"popularity":1}').toString('base64url')],
  ];
  for (const [parameter, value] of bad) {
    test(`${parameter}=${value} is refused, naming the parameter`, async () => {
      const problem = assertProblem(await server.browser().get(url({ [parameter]: value })), 400, 'validation_failed');
      const errors = problem.errors as Array<{ field: string; message: string }>;
      assert.deepEqual(errors.map(({ field }) => field), [parameter]);
      assert.match(errors[0]!.message, /[а-яё]/i);
    });
  }
});

describe('one service', () => {
  test('is given in full, with its form', async () => {
    const response = await server.browser().get('/api/v1/catalog/services/egrn-extract');
    assert.equal(response.statusCode, 200, response.body);
    const service = Service.parse(response.json());
    assert.deepEqual(service, services.find(({ id }) => id === 'egrn-extract'));
  });

  test('an unknown one is not_found', async () => {
    assertProblem(await server.browser().get('/api/v1/catalog/services/no-such-service'), 404, 'not_found');
  });
});

describe('the categories', () => {
  test('count their services and come with the municipalities', async () => {
    const response = await server.browser().get('/api/v1/catalog/categories');
    assert.equal(response.statusCode, 200, response.body);
    const { categories, municipalities } = CategoryList.parse(response.json());
    assert.deepEqual(
      categories,
      catalogData.categories.map(({ id, title }) => ({ id, title, count: services.filter(({ categoryId }) => categoryId === id).length })),
    );
    assert.equal(categories.reduce((sum, { count }) => sum + count, 0), services.length);
    assert.deepEqual(municipalities, catalogData.municipalities);
  });
});

describe('the search index', () => {
  const indexUrl = '/api/v1/catalog/search-index';

  test('holds every service in summary, cacheable, tagged with its version', async () => {
    const response = await server.browser().get(indexUrl);
    assert.equal(response.statusCode, 200, response.body);
    const index = SearchIndex.parse(response.json());
    assert.equal(response.headers.etag, `"${index.version}"`);
    assert.equal(response.headers['cache-control'], 'public, max-age=300');
    assert.deepEqual(index.services.map(({ id }) => id), expected({}));
    for (const heavy of ['description', 'form', 'requiredDocuments', 'provider']) assert.ok(!response.body.includes(`"${heavy}"`), `no ${heavy}`);
    assert.equal(index.categories.length, catalogData.categories.length);
    assert.equal(index.municipalities.length, catalogData.municipalities.length);
    assert.equal((await server.browser().get('/api/v1/catalog/categories')).headers['cache-control'], 'no-store', 'other answers are not cached');
  });

  test('answers 304 to a browser that has the current version', async () => {
    const { etag } = (await server.browser().get(indexUrl)).headers;
    for (const ifNoneMatch of [String(etag), `W/${etag}`, `"old", ${etag}`, '*']) {
      const response = await server.browser().get(indexUrl, { 'if-none-match': ifNoneMatch });
      assert.equal(response.statusCode, 304, ifNoneMatch);
      assert.equal(response.body, '');
      assert.equal(response.headers.etag, etag);
    }
    assert.equal((await server.browser().get(indexUrl, { 'if-none-match': '"old"' })).statusCode, 200);
  });

  test('gets a new version when the catalog changes', async () => {
    const before = (await server.browser().get(indexUrl)).headers.etag;
    assert.equal(before, entityTag((await new Catalog(server.db).searchIndex()).version), 'the ETag is the version');
    const original = await server.db.selectFrom('services').select('form').where('id', '=', 'snils').executeTakeFirstOrThrow();
    try {
      await server.db.updateTable('services').set({ form: JSON.stringify({ version: 2, steps: [] }) }).where('id', '=', 'snils').execute();
      const changed = (await server.browser().get(indexUrl)).headers.etag;
      assert.notEqual(changed, before, 'a change to a form alone is a new version');
      assert.equal(changed, entityTag((await new Catalog(server.db).searchIndex()).version));
    } finally {
      await server.db.updateTable('services').set(original).where('id', '=', 'snils').execute();
    }
    assert.equal(entityTag((await new Catalog(server.db).searchIndex()).version), before, 'the same content, the same version');
    assert.equal((await server.browser().get(indexUrl)).headers.etag, before);
  });
});

test('reading the catalog does not extend a session', async () => {
  const { browser } = await signedIn(server);
  await server.advance(100_000);
  for (const path of ['/api/v1/catalog/services', '/api/v1/catalog/services/snils', '/api/v1/catalog/categories', '/api/v1/catalog/search-index']) {
    const response = await browser.get(path);
    assert.equal(response.statusCode, 200, path);
    assert.equal(response.headers['cabinet-session-idle-expires-in'], undefined, path);
  }
  const session = await browser.get('/api/v1/auth/session');
  assert.equal(session.headers['cabinet-session-idle-expires-in'], '200', 'still 300 − 100 seconds');
});
