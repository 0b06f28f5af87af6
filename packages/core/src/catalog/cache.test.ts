import { expect } from '@open-wc/testing';
import { patience } from '../../../../test-support/cabinet-api.js';
import { openPublicCache, publicKey } from '../cache/public-db.js';
import type { SearchIndex, ServiceSummary } from './schemas.js';
import { createCabinetClient, type CabinetClient } from '../client.js';
import { isCabinetError } from '../errors.js';

// The real server's catalog endpoints are not there yet: a fake `fetch` plays the server.

function service(id: string, title: string): ServiceSummary {
  return {
    id,
    title,
    summary: '',
    categoryId: 'documents',
    level: 'federal',
    municipalityId: null,
    deliveryMethods: ['online'],
    termDays: 5,
    fee: null,
    requiredLevel: 'simplified',
    availability: 'available',
    keywords: [],
    popularity: 1,
  };
}

const categories = [{ id: 'documents', title: 'Документы', count: 1 }];
const municipalities = [{ id: 'zarechny', name: 'Заречный', region: 'Пензенская область' }];
const indexV1: SearchIndex = { version: 'v1', categories, municipalities, services: [service('income', 'Справка о доходах')] };
const indexV2: SearchIndex = {
  ...indexV1,
  version: 'v2',
  services: [...indexV1.services, service('egrn', 'Выписка из ЕГРН')],
};

type Route = (request: Request) => Response | Promise<Response>;

/** A `fetch` that answers `GET …/catalog/search-index` with `searchIndex` and logout with 204, and records requests. */
function fakeApi(searchIndex: Route) {
  const requests: Request[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    requests.push(request);
    const path = new URL(request.url).pathname;
    if (path.endsWith('/catalog/search-index')) return searchIndex(request);
    if (path.endsWith('/auth/logout')) return new Response(null, { status: 204 });
    return new Response(null, { status: 404 });
  };
  return { fetch, requests };
}

const answer = (index: SearchIndex) => Response.json(index, { headers: { etag: `"${index.version}"` } });
/** No network at all. */
const offline = (): Promise<Response> => Promise.reject(new TypeError('Failed to fetch'));

const clients: CabinetClient[] = [];
let baseUrl: string;

/** A client of this test's own API base, so tests do not share cached indexes. */
function client(fetch: typeof globalThis.fetch, locale: 'ru' | 'en' = 'ru'): CabinetClient {
  const created = createCabinetClient({ baseUrl, fetch, locale });
  clients.push(created);
  return created;
}

/** Fills the public cache with `index`, as a first visit does. */
async function visitedBefore(index: SearchIndex): Promise<void> {
  await client(fakeApi(() => answer(index)).fetch).catalog.searchIndex();
}

beforeEach(() => {
  baseUrl = `/api/catalog-cache-${crypto.randomUUID()}/`;
});

afterEach(() => {
  for (const created of clients.splice(0)) created.close();
});

const titles = async (sdk: CabinetClient, query: string) => (await sdk.catalog.search(query)).services.map((found) => found.title);

describe('catalog search index in the public cache', () => {
  it('keeps the index with its ETag in IndexedDB', async () => {
    const api = fakeApi(() => answer(indexV1));
    const sdk = client(api.fetch);
    expect(await titles(sdk, 'справка')).to.deep.equal(['Справка о доходах']);

    const cached = await openPublicCache().get('search-index', publicKey(sdk.baseUrl, 'ru'));
    expect(cached?.etag).to.equal('"v1"');
    expect(cached?.index).to.deep.equal(indexV1);
    expect(api.requests[0]?.headers.get('if-none-match')).to.equal(null);
  });

  it('answers from the cache at once, then revalidates and moves to the newer index', async () => {
    await visitedBefore(indexV1);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const api = fakeApi(async () => {
      await released;
      return answer(indexV2);
    });
    const sdk = client(api.fetch);
    const updated = new Promise<SearchIndex>((resolve) => sdk.catalog.onIndexUpdate(resolve));

    expect(await titles(sdk, 'выписка')).to.deep.equal([], 'answered from v1 while the network has not answered');
    expect(api.requests.map((request) => request.headers.get('if-none-match'))).to.deep.equal(['"v1"']);

    release();
    expect((await updated).version).to.equal('v2');
    expect(await titles(sdk, 'выписка')).to.deep.equal(['Выписка из ЕГРН']);
    expect((await openPublicCache().get('search-index', publicKey(sdk.baseUrl, 'ru')))?.index.version).to.equal('v2');
  });

  it('keeps the cached index when the server answers 304 Not Modified', async () => {
    await visitedBefore(indexV1);
    const api = fakeApi((request) =>
      request.headers.get('if-none-match') === '"v1"' ? new Response(null, { status: 304 }) : answer(indexV2),
    );
    const sdk = client(api.fetch);
    let updates = 0;
    sdk.catalog.onIndexUpdate(() => updates++);

    expect((await sdk.catalog.searchIndex()).version).to.equal('v1');
    await waitUntil(() => api.requests.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(updates).to.equal(0);
    expect(await titles(sdk, 'справку')).to.deep.equal(['Справка о доходах']);
    expect((await openPublicCache().get('search-index', publicKey(sdk.baseUrl, 'ru')))?.index.version).to.equal('v1');
  });

  it('keeps searching from the cache without a network, categories too', async () => {
    await visitedBefore(indexV1);
    const sdk = client(offline);

    expect(await titles(sdk, 'справки о доходах')).to.deep.equal(['Справка о доходах']);
    expect(await sdk.catalog.categories()).to.deep.equal({ categories, municipalities });
  });

  it('fails with `network` when the index was never fetched and there is no network', async () => {
    const sdk = client(offline);
    const error = await sdk.catalog.search('справка').then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(isCabinetError(error) && error.code).to.equal('network');
  });

  it('lists the first page from the cached index without asking the network, in the server’s order', async () => {
    const nothingYet = fakeApi(offline);
    expect(await client(nothingYet.fetch).catalog.cachedList()).to.equal(undefined);
    expect(nothingYet.requests.map((request) => new URL(request.url).pathname)).to.deep.equal([]);

    const popular = { ...service('passport', 'Паспорт'), popularity: 9 };
    const local = { ...service('kindergarten', 'Детский сад'), municipalityId: 'zarechny', popularity: 5 };
    const elsewhere = { ...service('parking', 'Парковка'), municipalityId: 'other', popularity: 7 };
    await visitedBefore({ ...indexV2, services: [...indexV2.services, local, popular, elsewhere] });
    const api = fakeApi(offline);
    const sdk = client(api.fetch);

    const page = await sdk.catalog.cachedList({}, { limit: 3 });
    // Most popular first, then by title (as GET catalog/services orders them); the count is of every match.
    expect(page?.items.map((found) => found.id)).to.deep.equal(['passport', 'parking', 'kindergarten']);
    expect(page?.total).to.equal(5);
    expect(page?.nextCursor).to.equal(null);
    const inTown = await sdk.catalog.cachedList({ municipality: 'zarechny' });
    expect(inTown?.items.map((found) => found.id)).to.deep.equal(['passport', 'kindergarten', 'egrn', 'income']);
    expect(api.requests.length).to.equal(0);
  });

  it('is left alone by logout: a visitor keeps searching offline afterwards', async () => {
    await visitedBefore(indexV1);
    await client(fakeApi(offline).fetch).auth.logout();

    expect((await openPublicCache().get('search-index', publicKey(new URL(baseUrl, location.href).href, 'ru')))?.index.version).to.equal('v1');
    expect(await titles(client(offline), 'справка')).to.deep.equal(['Справка о доходах']);
  });
});

describe('catalog search index in each language', () => {
  const english: SearchIndex = {
    version: 'en1',
    categories: [{ id: 'documents', title: 'Documents', count: 1 }],
    municipalities: [{ id: 'zarechny', name: 'Zarechny', region: 'Penza Oblast' }],
    services: [service('income', 'Certificate of income')],
  };
  /** The server: the index in the language the request asks for. */
  const byLanguage = (request: Request) => answer(request.headers.get('accept-language') === 'en' ? english : indexV1);

  it('asks for the client’s language and keeps one index per language', async () => {
    const api = fakeApi(byLanguage);
    const russian = client(api.fetch);
    const englishClient = client(api.fetch, 'en');
    expect(await titles(russian, 'справка')).to.deep.equal(['Справка о доходах']);
    expect(await titles(englishClient, 'certif')).to.deep.equal(['Certificate of income']);
    expect(await titles(englishClient, 'справка')).to.deep.equal([], 'the English page searches the English index');
    expect(api.requests.map((request) => request.headers.get('accept-language'))).to.deep.equal(['ru', 'en']);

    const scope = russian.baseUrl;
    expect((await openPublicCache().get('search-index', publicKey(scope, 'ru')))?.index.version).to.equal('v1');
    expect((await openPublicCache().get('search-index', publicKey(scope, 'en')))?.index.version).to.equal('en1');
  });

  it('never shows an English page the Russian index cached by an earlier visit, offline neither', async () => {
    await visitedBefore(indexV1);
    const offlineEnglish = client(fakeApi(offline).fetch, 'en');
    expect(await offlineEnglish.catalog.cachedList()).to.equal(undefined);
    const error = await offlineEnglish.catalog.search('справка').catch((caught: unknown) => caught);
    expect(isCabinetError(error) && error.code).to.equal('network');

    const api = fakeApi(byLanguage);
    const englishClient = client(api.fetch, 'en');
    expect((await englishClient.catalog.searchIndex()).version).to.equal('en1');
    expect(api.requests[0]?.headers.get('if-none-match'), 'the Russian ETag is not sent for the English index').to.equal(null);
    expect((await client(fakeApi(offline).fetch, 'en').catalog.cachedList())?.items.map(({ title }) => title)).to.deep.equal(['Certificate of income']);
    expect((await client(fakeApi(offline).fetch).catalog.cachedList())?.items.map(({ title }) => title)).to.deep.equal(['Справка о доходах']);
  });
});

async function waitUntil(condition: () => boolean, timeout = patience): Promise<void> {
  const deadline = performance.now() + timeout;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error('Timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
