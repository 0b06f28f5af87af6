/**
 * The catalog in Russian and English: the data has English for every text, the answers
 * follow `Accept-Language` (or `?lang=`), say their language and are kept and tagged per
 * language, and the forms are the same forms in both.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CategoryList, SearchIndex, Service, ServicePage, type FormDefinition } from '@mfc-cabinet/core/catalog-schemas';
import { seedCatalog } from '../src/catalog/catalog-seed.js';
import { serviceData } from '../src/catalog/data/index.js';
import { categories } from '../src/catalog/data/categories.js';
import { municipalities } from '../src/catalog/data/municipalities.js';
import { migrateToLatest } from '../src/db/migrations.js';
import { catalogData, catalogLanguages } from '../src/catalog/data/index.js';
import { openTestDatabase } from './database.js';
import { signedIn, startServer, type TestServer } from './helpers.js';
import { Application, ApplicationPage } from '@mfc-cabinet/core/schemas';

const cyrillic = /[а-яё]/i;

/** Every string under `value` with its path, but the document kinds (values, Russian in every language). */
function* strings(value: unknown, path: string): Generator<[string, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* strings(item, `${path}[${i}]`);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) if (key !== 'documentKinds') yield* strings(item, `${path}.${key}`);
  }
}

/** Every `{ ru, en }` text under `value`, with its path. */
function* texts(value: unknown, path: string): Generator<[string, { ru: unknown; en: unknown }]> {
  if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* texts(item, `${path}[${i}]`);
  else if (value && typeof value === 'object') {
    if ('ru' in value && 'en' in value) yield [path, value as { ru: unknown; en: unknown }];
    else for (const [key, item] of Object.entries(value)) yield* texts(item, `${path}.${key}`);
  }
}

/** What must not differ between the languages of a form: everything but its texts. */
const shapeOf = (form: FormDefinition) =>
  form.steps.map(({ id, fields }) => ({
    id,
    fields: fields.map(({ label: _label, hint: _hint, options, ...rest }) => ({ ...rest, hint: _hint !== undefined, options: options?.map(({ value }) => value) })),
  }));

describe('the catalog’s data in English', () => {
  test('has English for every text of every service, category and municipality', () => {
    const data = { services: serviceData, categories, municipalities };
    let count = 0;
    for (const [path, { ru, en }] of texts(data, 'data')) {
      count++;
      if (Array.isArray(ru)) {
        assert.ok(Array.isArray(en) && en.length > 0, `${path}: English words`);
        for (const word of en as unknown[]) assert.ok(typeof word === 'string' && word.trim() && !cyrillic.test(word), `${path}: «${String(word)}»`);
      } else {
        assert.equal(typeof en, 'string', path);
        assert.ok((en as string).trim(), `${path} is empty in English`);
        assert.ok(!cyrillic.test(en as string), `${path} is Russian in English: «${String(en)}»`);
        assert.notEqual(en, ru === 'VIN' || ru === 'СНИЛС' ? undefined : ru, `${path} is not translated`);
      }
    }
    assert.ok(count > 600, `${count} texts`);
    const english = catalogLanguages.en;
    for (const [path, value] of strings(english, 'en')) assert.ok(!cyrillic.test(value), `${path} is Russian in English: «${value}»`);
  });

  test('is the same catalog in both languages: ids, values, order, numbers and forms', () => {
    const { ru, en } = catalogLanguages;
    assert.deepEqual(ru, catalogData);
    assert.deepEqual(en.services.map(({ id }) => id), ru.services.map(({ id }) => id));
    assert.deepEqual(en.categories.map(({ id }) => id), ru.categories.map(({ id }) => id));
    assert.deepEqual(en.municipalities.map(({ id }) => id), ru.municipalities.map(({ id }) => id));
    for (const [i, service] of en.services.entries()) {
      const russian = ru.services[i]!;
      for (const key of ['categoryId', 'level', 'municipalityId', 'deliveryMethods', 'termDays', 'fee', 'requiredLevel', 'availability', 'popularity'] as const) {
        assert.deepEqual(service[key], russian[key], `${service.id}.${key}`);
      }
      assert.deepEqual(shapeOf(service.form), shapeOf(russian.form), `${service.id}: the same form`);
      assert.equal(service.requiredDocuments.length, russian.requiredDocuments.length, `${service.id}: the same documents`);
    }
    const taxDebt = en.services.find(({ id }) => id === 'tax-debt-certificate');
    assert.equal(taxDebt?.title, 'Certificate of no tax debt');
  });
});

describe('the catalog’s answers by language', () => {
  let server: TestServer;
  before(async () => (server = await startServer()));
  after(() => server.close());
  const api = '/api/v1/catalog';

  test('are Russian by default and English when Accept-Language prefers it, saying so', async () => {
    for (const [header, language] of [
      [undefined, 'ru'],
      ['ru', 'ru'],
      ['en', 'en'],
      ['en-GB,en;q=0.9,ru;q=0.8', 'en'],
      ['ru-RU,ru;q=0.9,en;q=0.8', 'ru'],
      ['de', 'ru'],
    ] as const) {
      const response = await server.browser().get(`${api}/services/tax-debt-certificate`, header ? { 'accept-language': header } : {});
      assert.equal(response.statusCode, 200, response.body);
      assert.equal(response.headers['content-language'], language, String(header));
      assert.match(String(response.headers.vary), /Accept-Language/);
      const service = Service.parse(response.json());
      assert.equal(service.title, language === 'en' ? 'Certificate of no tax debt' : 'Справка об отсутствии задолженности по налогам', String(header));
    }
  });

  test('take ?lang= over the header', async () => {
    const response = await server.browser().get(`${api}/services/snils?lang=en`, { 'accept-language': 'ru' });
    assert.equal(response.headers['content-language'], 'en');
    assert.equal(Service.parse(response.json()).title, 'Getting a SNILS');
    const russian = await server.browser().get(`${api}/categories?lang=ru`, { 'accept-language': 'en' });
    assert.equal(CategoryList.parse(russian.json()).categories[0]?.title, 'Паспорта и документы');
    assert.equal((await server.browser().get(`${api}/categories?lang=de`)).statusCode, 400);
  });

  test('list, categories and the search index in English, the same services in the same order', async () => {
    const en = { 'accept-language': 'en' };
    const ru = { 'accept-language': 'ru' };
    const pageEn = ServicePage.parse((await server.browser().get(`${api}/services?limit=100`, en)).json());
    const pageRu = ServicePage.parse((await server.browser().get(`${api}/services?limit=100`, ru)).json());
    assert.deepEqual(pageEn.items.map(({ id }) => id), pageRu.items.map(({ id }) => id));
    for (const item of pageEn.items) assert.ok(!cyrillic.test(item.title + item.summary + item.keywords.join(' ')), item.id);
    const filtered = ServicePage.parse((await server.browser().get(`${api}/services?category=certificates&limit=3`, en)).json());
    const next = ServicePage.parse((await server.browser().get(`${api}/services?category=certificates&limit=3&cursor=${encodeURIComponent(filtered.nextCursor!)}`, en)).json());
    assert.ok(next.items.length > 0 && !next.items.some(({ id }) => filtered.items.some((item) => item.id === id)), 'cursors work in English');

    const categoriesEn = CategoryList.parse((await server.browser().get(`${api}/categories`, en)).json());
    assert.deepEqual(categoriesEn.categories.slice(0, 2).map(({ id, title }) => ({ id, title })), [
      { id: 'documents', title: 'Passports and documents' },
      { id: 'family', title: 'Family and children' },
    ]);
    assert.deepEqual(categoriesEn.municipalities[0], { id: 'zarechny', name: 'Zarechny (town)', region: 'Enskaya Oblast' });

    const indexEn = SearchIndex.parse((await server.browser().get(`${api}/search-index`, en)).json());
    const indexRu = SearchIndex.parse((await server.browser().get(`${api}/search-index`, ru)).json());
    assert.notEqual(indexEn.version, indexRu.version);
    assert.deepEqual(indexEn.services.map(({ id }) => id), indexRu.services.map(({ id }) => id));
    assert.equal(indexEn.categories.find(({ id }) => id === 'certificates')?.title, 'Certificates and extracts');
    assert.deepEqual(indexEn.categories.map(({ count }) => count), indexRu.categories.map(({ count }) => count));
  });

  test('are kept and tagged per language: each language its ETag, a 304 only for its own', async () => {
    for (const path of [`${api}/services/snils`, `${api}/services?limit=5`, `${api}/categories`, `${api}/search-index`]) {
      const ru = await server.browser().get(path, { 'accept-language': 'ru' });
      const en = await server.browser().get(path, { 'accept-language': 'en' });
      assert.notEqual(en.headers.etag, ru.headers.etag, path);
      assert.notEqual(en.body, ru.body, path);
      const again = await server.browser().get(path, { 'accept-language': 'en' });
      assert.equal(again.body, en.body, `${path}: the English answer kept`);
      assert.equal(again.headers['content-language'], 'en');
      const notModified = await server.browser().get(path, { 'accept-language': 'en', 'if-none-match': String(en.headers.etag) });
      assert.equal(notModified.statusCode, 304, path);
      assert.equal(notModified.headers['content-language'], 'en');
      assert.match(String(notModified.headers.vary), /Accept-Language/);
      const otherLanguage = await server.browser().get(path, { 'accept-language': 'ru', 'if-none-match': String(en.headers.etag) });
      assert.equal(otherLanguage.statusCode, 200, `${path}: the English tag is not the Russian answer’s`);
      assert.equal(otherLanguage.body, ru.body);
    }
  });

  test('give the same form in English: other labels, the same fields, ids and values', async () => {
    const en = Service.parse((await server.browser().get(`${api}/services/criminal-record-certificate`, { 'accept-language': 'en' })).json());
    const ru = Service.parse((await server.browser().get(`${api}/services/criminal-record-certificate`, { 'accept-language': 'ru' })).json());
    assert.deepEqual(shapeOf(en.form), shapeOf(ru.form));
    const purpose = en.form.steps.flatMap(({ fields }) => fields).find(({ id }) => id === 'purpose');
    assert.equal(purpose?.label, 'What the certificate is for');
    assert.deepEqual(purpose?.options?.[0], { value: 'work', label: 'For work' });
    assert.equal(en.form.steps[0]?.title, 'Applicant');
    assert.equal(en.requiredDocuments[0]?.title, 'Russian passport');
  });
});

describe('applications in the language asked for', () => {
  let server: TestServer;
  before(async () => (server = await startServer()));
  after(() => server.close());

  test('name their service in English when Accept-Language prefers it, in Russian by default', async () => {
    const { browser, csrf } = await signedIn(server, { level: 'standard' });
    const english = { ...csrf, 'accept-language': 'en' };
    const created = await browser.post('/api/v1/applications', { serviceId: 'tax-debt-certificate' }, english);
    assert.equal(created.statusCode, 201, created.body);
    const draft = Application.parse(created.json());
    assert.equal(draft.serviceTitle, 'Certificate of no tax debt');

    const detail = await browser.get(`/api/v1/applications/${draft.id}`, { 'accept-language': 'en-GB,en;q=0.9' });
    assert.equal(Application.parse(detail.json()).serviceTitle, 'Certificate of no tax debt');
    const page = ApplicationPage.parse((await browser.get('/api/v1/applications', { 'accept-language': 'en' })).json());
    assert.deepEqual(page.items.map((item) => item.serviceTitle), ['Certificate of no tax debt']);

    const russian = ApplicationPage.parse((await browser.get('/api/v1/applications')).json());
    assert.deepEqual(russian.items.map((item) => item.serviceTitle), ['Справка об отсутствии задолженности по налогам']);
  });
});

describe('seeding the languages', () => {
  test('fills the translations of rows seeded before the catalog had languages, and keeps those it has', async () => {
    const { db, close } = await openTestDatabase('mfc-catalog-languages-test-');
    try {
      await migrateToLatest(db);
      await seedCatalog(db, catalogLanguages);
      await db.updateTable('services').set({ translations: null }).where('id', '=', 'snils').execute();
      await db.updateTable('catalogCategories').set({ translations: null }).execute();
      await db.updateTable('services').set({ translations: JSON.stringify({ en: { title: 'Edited' } }) }).where('id', '=', 'inn').execute();
      await seedCatalog(db, catalogLanguages);
      const rows = await db.selectFrom('services').select(['id', 'translations']).where('id', 'in', ['snils', 'inn']).execute();
      const byId = new Map(rows.map(({ id, translations }) => [id, JSON.parse(translations ?? 'null') as { en: { title: string } } | null]));
      assert.equal(byId.get('snils')?.en.title, 'Getting a SNILS');
      assert.equal(byId.get('inn')?.en.title, 'Edited', 'an edit is kept');
      const category = await db.selectFrom('catalogCategories').select('translations').where('id', '=', 'health').executeTakeFirstOrThrow();
      assert.deepEqual(JSON.parse(category.translations ?? 'null'), { en: { title: 'Health' } });
    } finally {
      await close();
    }
  });
});
