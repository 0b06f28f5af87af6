import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AutofillSource, Service, type FieldType, type FormField } from '@mfc-cabinet/core/catalog-schemas';
import { seedCatalog } from '../src/catalog/catalog-seed.js';
import { catalogData, catalogLanguages } from '../src/catalog/data/index.js';
import { migrateToLatest } from '../src/db/migrations.js';
import { openTestDatabase } from './database.js';
import { startServer } from './helpers.js';

const { services, categories, municipalities } = catalogData;
const titled = (fragment: RegExp) => services.filter(({ title }) => fragment.test(title));

/** The field kind each profile value fills. */
const autofillType: Record<AutofillSource, FieldType> = {
  lastName: 'text',
  firstName: 'text',
  middleName: 'text',
  birthDate: 'date',
  phone: 'phone',
  email: 'email',
  snils: 'snils',
  inn: 'inn',
  passport: 'passport',
  registrationAddress: 'address',
};

describe('the seeded catalog', () => {
  test('holds at least 60 services of every level in at least 3 municipalities', () => {
    assert.ok(services.length >= 60, `${services.length} services`);
    assert.ok(municipalities.length >= 3);
    assert.deepEqual(new Set(services.map(({ level }) => level)), new Set(['federal', 'regional', 'municipal']));
    for (const { id } of municipalities) {
      assert.ok(services.some(({ municipalityId }) => municipalityId === id), `${id} has services of its own`);
    }
    assert.equal(new Set(municipalities.map(({ region }) => region)).size, 1, 'one region');
    assert.equal(new Set(services.map(({ id }) => id)).size, services.length, 'ids are unique');
    assert.ok(categories.length >= 10);
    for (const { id } of categories) assert.ok(services.some(({ categoryId }) => categoryId === id), `${id} is not empty`);
  });

  test('names every service the seed articles name', () => {
    const named = [
      /^Получение паспорта гражданина РФ/,
      /^Замена паспорта гражданина РФ/,
      /^Справка о доходах/,
      /^Регистрация юридического лица/,
      /^Справка о наличии или отсутствии судимости/,
      /^Выдача дубликата документа/,
      /^Выписка из ЕГРН/,
      /^Запись в детский сад/,
      /^Запись в первый класс/,
      /^Справка о месте жительства/,
      /^Выписка из домовой книги/,
      /ремонт дорожного полотна/,
      /^Регистрация брака/,
      /^Субсидия на оплату жилого помещения и коммунальных услуг/,
      /^Льготный проезд/,
      /^Справка об отсутствии задолженности/,
      /^Запись на приём к социальному работнику/,
      /^Регистрация по месту жительства/,
      /^Регистрация права собственности/,
    ];
    for (const fragment of named) assert.ok(titled(fragment).length > 0, `no service titled ${fragment}`);
    for (const { id } of municipalities) {
      for (const fragment of [/^Запись в детский сад/, /^Запись в первый класс/, /^Выписка из домовой книги/, /ремонт дорожного полотна/]) {
        assert.ok(titled(fragment).some(({ municipalityId }) => municipalityId === id), `${fragment} in ${id}`);
      }
    }
  });

  test('has the real fees, account levels and the words people type', () => {
    const one = (fragment: RegExp) => {
      const [service, ...others] = titled(fragment);
      assert.ok(service && others.length === 0, `one service titled ${fragment}`);
      return service;
    };
    assert.equal(one(/^Получение паспорта гражданина РФ в 14 лет/).fee, 1500);
    assert.equal(one(/^Замена паспорта/).fee, 1500);
    assert.equal(one(/^Регистрация брака/).fee, 350);
    assert.equal(one(/^Регистрация юридического лица/).fee, 4000);
    assert.equal(one(/^Регистрация юридического лица/).requiredLevel, 'confirmed');
    assert.equal(one(/^Выписка из ЕГРН/).requiredLevel, 'confirmed');
    assert.equal(one(/^Справка о месте жительства/).requiredLevel, 'simplified');
    for (const word of ['детсад', 'садик', 'ДДУ']) {
      assert.ok(titled(/^Запись в детский сад/).every(({ keywords }) => keywords.includes(word)), word);
    }
    assert.ok(one(/^Регистрация по месту жительства/).keywords.includes('прописка'));
    assert.ok(['жку', 'коммуналка'].every((word) => one(/^Субсидия на оплату/).keywords.includes(word)));
    assert.ok(one(/^Регистрация индивидуального предпринимателя/).keywords.includes('ип'));
    assert.ok(one(/^Регистрация юридического лица/).keywords.includes('ооо'));
    const availability = new Set(services.map((service) => service.availability));
    assert.deepEqual(availability, new Set(['available', 'in_development', 'unavailable']));
  });

  test('every service is complete and parses with the Service schema', () => {
    const categoryIds = new Set(categories.map(({ id }) => id));
    const municipalityIds = new Set(municipalities.map(({ id }) => id));
    for (const service of services) {
      const parsed = Service.safeParse(service);
      assert.ok(parsed.success, `${service.id}: ${parsed.error?.message}`);
      assert.deepEqual(parsed.data, service, `${service.id} has nothing the schema drops`);
      assert.ok(categoryIds.has(service.categoryId), service.id);
      if (service.level === 'municipal') assert.ok(municipalityIds.has(service.municipalityId ?? ''), `${service.id} names its municipality`);
      else assert.equal(service.municipalityId, null, `${service.id} is offered everywhere`);
      assert.ok(Number.isInteger(service.termDays) && service.termDays > 0, service.id);
      assert.ok(service.fee === null || (Number.isInteger(service.fee) && service.fee > 0), service.id);
      assert.ok(service.deliveryMethods.length > 0 && new Set(service.deliveryMethods).size === service.deliveryMethods.length, service.id);
      assert.ok(service.keywords.length > 0, service.id);
      for (const text of [service.title, service.summary, service.description, service.provider]) assert.match(text, /[а-яё]/i, service.id);
    }
  });

  test('every form definition is valid: unique ids, options for choices, autofill of the right kind', () => {
    for (const { id, form } of services) {
      assert.ok(form.steps.length >= 1 && form.steps.length <= 4, `${id}: 1–4 steps`);
      assert.equal(new Set(form.steps.map((step) => step.id)).size, form.steps.length, `${id}: step ids are unique`);
      const fields: FormField[] = form.steps.flatMap((step) => {
        assert.ok(step.fields.length > 0, `${id}/${step.id} has fields`);
        return step.fields;
      });
      assert.equal(new Set(fields.map((field) => field.id)).size, fields.length, `${id}: field ids are unique`);
      for (const field of fields) {
        const where = `${id}/${field.id}`;
        if (field.type === 'select') {
          assert.ok(field.options && field.options.length >= 2, `${where} has options`);
          assert.equal(new Set(field.options.map(({ value }) => value)).size, field.options.length, `${where}: option values are unique`);
        } else {
          assert.equal(field.options, undefined, `${where}: only choices have options`);
        }
        if (field.type === 'documents') assert.ok(field.documentKinds && field.documentKinds.length > 0, `${where} names the documents`);
        if (field.type === 'number') assert.ok(field.min !== undefined && field.max !== undefined && field.min <= field.max, `${where} has a range`);
        if (field.autofill !== undefined) {
          assert.ok(AutofillSource.safeParse(field.autofill).success, where);
          assert.equal(field.type, autofillType[field.autofill], `${where} is filled with ${field.autofill}`);
        }
      }
      assert.ok(fields.some(({ autofill }) => autofill === 'lastName'), `${id} fills the applicant from the profile`);
    }
  });
});

describe('seeding', () => {
  test('adds what is missing and keeps what the database holds', async () => {
    const { db, close } = await openTestDatabase('mfc-catalog-seed-test-');
    try {
      await migrateToLatest(db);
      await seedCatalog(db, catalogLanguages);
      await db.updateTable('services').set({ popularity: 1 }).where('id', '=', 'egrn-extract').execute();
      await db.deleteFrom('services').where('id', '=', 'snils').execute();
      await seedCatalog(db, catalogLanguages);
      const rows = await db.selectFrom('services').select(['id', 'popularity']).execute();
      assert.equal(rows.length, services.length);
      assert.equal(rows.find(({ id }) => id === 'egrn-extract')?.popularity, 1, 'an edit is kept');
      assert.ok(rows.some(({ id }) => id === 'snils'), 'a missing service is added');
      const methods = await db.selectFrom('serviceDeliveryMethods').select('serviceId').execute();
      assert.equal(methods.length, services.reduce((sum, { deliveryMethods }) => sum + deliveryMethods.length, 0));
    } finally {
      await close();
    }
  });

  test('happens in production mode too', async () => {
    const server = await startServer(
      { MFC_MODE: 'production', SMS_WEBHOOK_URL: 'http://127.0.0.1:9/sms', EMAIL_WEBHOOK_URL: 'http://127.0.0.1:9/email' },
      { sender: { send: async () => undefined } },
    );
    try {
      const response = await server.browser().get('/api/v1/catalog/services?limit=1');
      assert.equal(response.statusCode, 200, response.body);
      assert.equal(response.json().total, services.length);
    } finally {
      await server.close();
    }
  });
});
