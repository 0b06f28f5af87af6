import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CatalogPersonal, CategoryList, SearchIndex, Service, ServicePage } from '@mfc-cabinet/core/catalog-schemas';
import { TableWrites } from '../src/db/table-writes.js';
import { ReplyCache } from '../src/http/reply-cache.js';
import { signedIn, startServer, type TestServer } from './helpers.js';

let server: TestServer;
before(async () => (server = await startServer()));
after(() => server.close());

const api = '/api/v1/catalog';
const firstPage = `${api}/services?limit=30`;
const browserHeaders = { accept: 'application/json', 'accept-language': 'ru' };

/** Changes the title of `snils` for the duration of `work`, straight in the database. */
async function withTitle(title: string, work: () => Promise<void>): Promise<void> {
  const { title: original } = await server.db.selectFrom('services').select('title').where('id', '=', 'snils').executeTakeFirstOrThrow();
  await server.db.updateTable('services').set({ title }).where('id', '=', 'snils').execute();
  try {
    await work();
  } finally {
    await server.db.updateTable('services').set({ title: original }).where('id', '=', 'snils').execute();
  }
}

describe('the catalog’s answers, kept serialized', () => {
  test('are the same bytes and headers read after read, tagged', async () => {
    const first = await server.browser().get(firstPage, browserHeaders);
    const second = await server.browser().get(firstPage, browserHeaders);
    assert.equal(first.statusCode, 200, first.body);
    assert.equal(second.body, first.body);
    assert.match(String(first.headers.etag), /^"[\w-]+"$/);
    assert.equal(second.headers.etag, first.headers.etag);
    assert.equal(second.headers['content-type'], 'application/json; charset=utf-8');
    assert.equal(second.headers['cache-control'], 'no-store', 'pages are still not for browsers to keep');
    for (const header of ['x-content-type-options', 'content-security-policy', 'referrer-policy', 'x-ratelimit-limit', 'x-ratelimit-remaining']) {
      assert.ok(second.headers[header], `${header} on a kept answer`);
    }
    assert.equal(ServicePage.parse(second.json()).items.length, 30);
    for (let i = 0; i < 2; i++) {
      const index = await server.browser().get(`${api}/search-index`);
      assert.equal(index.headers['cache-control'], 'public, max-age=300', 'the index says how long it may be kept, every time');
      assert.equal((await server.browser().get(`${api}/search-index`, { 'if-none-match': String(index.headers.etag) })).headers['cache-control'], 'public, max-age=300');
    }
  });

  test('show a change to the catalog on the next read', async () => {
    const services = `${api}/services?limit=100`;
    const before = await server.browser().get(services);
    const service = await server.browser().get(`${api}/services/snils`);
    const index = await server.browser().get(`${api}/search-index`);
    await withTitle('Новое название СНИЛС', async () => {
      const page = await server.browser().get(services);
      assert.notEqual(page.headers.etag, before.headers.etag);
      assert.equal(ServicePage.parse(page.json()).items.find(({ id }) => id === 'snils')?.title, 'Новое название СНИЛС');
      const changed = await server.browser().get(`${api}/services/snils`);
      assert.equal(Service.parse(changed.json()).title, 'Новое название СНИЛС');
      assert.notEqual(changed.headers.etag, service.headers.etag);
      const newIndex = await server.browser().get(`${api}/search-index`);
      assert.notEqual(SearchIndex.parse(newIndex.json()).version, SearchIndex.parse(index.json()).version);
      assert.equal(newIndex.headers.etag, `"${SearchIndex.parse(newIndex.json()).version}"`);
    });
    const back = await server.browser().get(services);
    assert.equal(back.body, before.body, 'the same catalog, the same answer');
    assert.equal(back.headers.etag, before.headers.etag);
  });

  test('count services added and categories changed', async () => {
    const categories = CategoryList.parse((await server.browser().get(`${api}/categories`)).json());
    const total = ServicePage.parse((await server.browser().get(`${api}/services`)).json()).total;
    const source = await server.db.selectFrom('services').selectAll().where('id', '=', 'snils').executeTakeFirstOrThrow();
    await server.db.insertInto('services').values({ ...source, id: 'cache-test-copy' }).execute();
    await server.db.insertInto('serviceDeliveryMethods').values({ serviceId: 'cache-test-copy', method: 'office' }).execute();
    try {
      assert.equal(ServicePage.parse((await server.browser().get(`${api}/services`)).json()).total, total + 1);
      const counted = CategoryList.parse((await server.browser().get(`${api}/categories`)).json());
      const count = (list: CategoryList) => list.categories.find(({ id }) => id === source.categoryId)?.count;
      assert.equal(count(counted), (count(categories) ?? 0) + 1);
      assert.equal((await server.browser().get(`${api}/services/cache-test-copy`)).statusCode, 200);
    } finally {
      await server.db.deleteFrom('services').where('id', '=', 'cache-test-copy').execute();
    }
    assert.equal((await server.browser().get(`${api}/services/cache-test-copy`)).statusCode, 404, 'a service removed is gone');
    assert.equal(ServicePage.parse((await server.browser().get(`${api}/services`)).json()).total, total);
  });

  test('answer 304 to a conditional read naming the current tag, and 200 once it changed', async () => {
    for (const path of [firstPage, `${api}/services/snils`, `${api}/categories`, `${api}/search-index`]) {
      const { etag } = (await server.browser().get(path)).headers;
      for (const ifNoneMatch of [String(etag), `W/${etag}`, `"old", ${etag}`, '*']) {
        const response = await server.browser().get(path, { 'if-none-match': ifNoneMatch });
        assert.equal(response.statusCode, 304, `${path} ${ifNoneMatch}`);
        assert.equal(response.body, '');
        assert.equal(response.headers.etag, etag);
        assert.equal(response.headers['x-content-type-options'], 'nosniff');
      }
      assert.equal((await server.browser().get(path, { 'if-none-match': '"old"' })).statusCode, 200, path);
    }
    const { etag } = (await server.browser().get(firstPage)).headers;
    await withTitle('Изменённая услуга', async () => {
      const response = await server.browser().get(firstPage, { 'if-none-match': String(etag) });
      assert.equal(response.statusCode, 200, 'the copy the client has is stale');
      assert.notEqual(response.headers.etag, etag);
    });
  });

  test('of a wrong query are not kept: the error each time', async () => {
    for (let i = 0; i < 2; i++) {
      const response = await server.browser().get(`${api}/services?category=nonexistent`);
      assert.equal(response.statusCode, 400, response.body);
      assert.equal(response.headers.etag, undefined);
    }
  });

  test('are the public catalog only: a citizen’s own data is never shared', async () => {
    const first = await signedIn(server);
    const second = await signedIn(server);
    const put = (who: typeof first, id: string) => who.browser.request({ method: 'PUT', url: `${api}/favourites/${id}`, headers: who.csrf });
    assert.equal((await put(first, 'snils')).statusCode, 200);
    const mine = (who: typeof first) => who.browser.get(`${api}/me`).then((response) => CatalogPersonal.parse(response.json()));
    assert.deepEqual((await mine(first)).favourites, ['snils']);
    assert.deepEqual((await mine(second)).favourites, [], 'the other citizen sees none of it');
    assert.equal((await put(first, 'inn')).statusCode, 200);
    assert.deepEqual((await mine(first)).favourites, ['inn', 'snils'], 'and the citizen sees their change at once');
    assert.deepEqual((await mine(second)).favourites, []);
    const me = await first.browser.get(`${api}/me`);
    assert.equal(me.headers.etag, undefined);
    assert.equal(me.headers['cache-control'], 'no-store');
    // A signed-in read of the public catalog is the anonymous one, and sends no personal data.
    const anonymous = await server.browser().get(firstPage);
    const signedInRead = await first.browser.get(firstPage);
    assert.equal(signedInRead.body, anonymous.body);
    assert.equal(signedInRead.headers.etag, anonymous.headers.etag);
    assert.equal(signedInRead.headers['set-cookie'], undefined);
  });
});

describe('the count of table writes', () => {
  test('changes with inserts, updates and deletes of a table, not with reads or other tables', async () => {
    const writes = new TableWrites();
    const db = server.db.withPlugin(writes);
    const version = () => writes.version(['services']);
    const start = version();
    await db.selectFrom('services').selectAll().execute();
    await db.selectFrom('personalServiceLists').selectAll().execute();
    assert.equal(version(), start, 'reads are no writes');
    await db.updateTable('services').set({ popularity: 0 }).where('id', '=', 'no-such-service').execute();
    const updated = version();
    assert.ok(updated > start, 'an update counts, even of no row');
    await db.deleteFrom('personalServiceLists').where('accountId', '=', 'nobody').execute();
    assert.equal(version(), updated, 'another table is not this one');
    await db.transaction().execute((trx) => trx.deleteFrom('services').where('id', '=', 'no-such-service').execute());
    assert.ok(version() > updated, 'a write in a transaction counts');
  });
});

describe('the reply cache', () => {
  test('makes an entry once per version, and drops all of them when the version changes', async () => {
    let version = 0;
    let made = 0;
    const cache = new ReplyCache(() => version);
    const make = () => ({ json: JSON.stringify({ made: ++made }) });
    const first = await cache.get('a', make);
    assert.deepEqual(await cache.get('a', make), first);
    assert.equal(made, 1);
    version++;
    assert.notDeepEqual(await cache.get('a', make), first);
    assert.equal(made, 2);
  });

  test('does not keep what was made while the version changed', async () => {
    let version = 0;
    let made = 0;
    const cache = new ReplyCache(() => version);
    await cache.get('a', () => {
      made++;
      version++; // a write while the answer was being made: it may show the data before
      return { json: '{}' };
    });
    await cache.get('a', () => ({ json: String(++made) }));
    assert.equal(made, 2, 'made again');
  });

  test('drops the least recently used beyond its size', async () => {
    const cache = new ReplyCache(() => 0, 25);
    let made = 0;
    const make = () => ({ json: `"${String(++made).padStart(8, '0')}"` }); // 10 bytes each
    await cache.get('a', make);
    await cache.get('b', make);
    await cache.get('a', make); // a is used again: b is now the least recent
    await cache.get('c', make); // 30 bytes: b goes
    assert.equal(made, 3);
    await cache.get('a', make);
    await cache.get('c', make);
    assert.equal(made, 3, 'a and c are kept');
    await cache.get('b', make);
    assert.equal(made, 4, 'b was dropped');
  });
});
