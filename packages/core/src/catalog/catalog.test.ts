import { expect } from '@open-wc/testing';
import { createAccount, switchableNetwork } from '../../../../test-support/cabinet-api.js';
import { clientsPerTest } from '../../../../test-support/clients.js';
import { isCabinetError } from '../errors.js';

const client = clientsPerTest({ cache: 'memory' });

describe('client.catalog against the real server', () => {
  it('lists services by filters; a municipality also gets federal and regional ones', async () => {
    const sdk = client();
    const page = await sdk.catalog.list({ municipality: 'zarechny' }, { limit: 100 });
    expect(page.total).to.be.greaterThan(20);
    expect(page.items.every((service) => service.municipalityId === null || service.municipalityId === 'zarechny')).to.be.true;
    expect(page.items.some((service) => service.level === 'federal')).to.be.true;
    expect(page.items.some((service) => service.municipalityId === 'zarechny')).to.be.true;

    const documents = await sdk.catalog.list({ category: 'documents', delivery: 'online' });
    expect(documents.items.length).to.be.greaterThan(0);
    expect(documents.items.every((service) => service.categoryId === 'documents' && service.deliveryMethods.includes('online'))).to.be.true;
  });

  it('walks every page with the cursor', async () => {
    const sdk = client();
    const seen = new Set<string>();
    let cursor: string | undefined;
    let total = 0;
    do {
      const page = await sdk.catalog.list({}, { limit: 25, ...(cursor ? { cursor } : {}) });
      total = page.total;
      for (const service of page.items) seen.add(service.id);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(total).to.be.at.least(60);
    expect(seen.size).to.equal(total);
  });

  it('gives one service in full with its form', async () => {
    const sdk = client();
    const [first] = (await sdk.catalog.list({ category: 'education' })).items;
    const service = await sdk.catalog.get(first!.id);
    expect(service.form.steps.length).to.be.greaterThan(0);
    expect(service.requiredDocuments).to.be.an('array');
    const missing = await sdk.catalog.get('no-such-service').catch((error: unknown) => error);
    expect(isCabinetError(missing) && missing.code).to.equal('not_found');
  });

  it('searches the real catalog in Russian: word forms, synonyms, typos', async () => {
    const sdk = client();
    const top = async (query: string) => (await sdk.catalog.search(query, { limit: 5 })).services.map((service) => service.title);
    expect(await top('справку о доходах')).to.include('Справка о доходах и суммах налога');
    expect(await top('детсад')).to.include('Запись в детский сад');
    expect(await top('садик')).to.include('Запись в детский сад');
    expect((await top('пасспорт')).some((title) => title.includes('паспорт'))).to.be.true;
    expect((await top('егрн')).some((title) => title.includes('ЕГРН'))).to.be.true;
  });

  it('keeps favourites, recently viewed and filter presets per citizen', async () => {
    const account = await createAccount({ secondFactor: null });
    const sdk = client();
    const anonymous = await sdk.catalog.personal().catch((error: unknown) => error);
    expect(isCabinetError(anonymous) && anonymous.code).to.equal('unauthenticated');

    await sdk.auth.login({ identifier: account.phone, password: account.password });
    const [a, b] = (await sdk.catalog.list()).items;
    await sdk.catalog.addFavourite(a!.id);
    await sdk.catalog.markViewed(a!.id);
    const personal = await sdk.catalog.markViewed(b!.id);
    expect(personal.favourites).to.deep.equal([a!.id]);
    expect(personal.recent).to.deep.equal([b!.id, a!.id]);

    const preset = await sdk.catalog.savePreset({ name: 'Детям в Заречном', filters: { category: 'education', municipality: 'zarechny' } });
    expect((await sdk.catalog.personal()).presets.map((saved) => saved.id)).to.include(preset.id);
    await sdk.catalog.deletePreset(preset.id);
    expect((await sdk.catalog.removeFavourite(a!.id)).favourites).to.deep.equal([]);
    expect((await sdk.catalog.personal()).presets).to.deep.equal([]);
  });

  it('answers favourites and recently viewed offline from the citizen’s cache', async () => {
    const { network, fetch } = switchableNetwork();
    const sdk = client({ fetch, cache: 'indexeddb' });
    const account = await createAccount({ secondFactor: null });
    await sdk.auth.login({ identifier: account.phone, password: account.password });
    const [service] = (await sdk.catalog.list({}, { limit: 1 })).items;
    await sdk.catalog.addFavourite(service!.id);

    network.offline = true;
    expect((await sdk.catalog.personal()).favourites).to.deep.equal([service!.id]);
    network.offline = false;
    await sdk.auth.logout();
    network.offline = true;
    const error = await sdk.catalog.personal().catch((caught: unknown) => caught);
    expect(isCabinetError(error) && error.code, 'nothing cached survives logout').to.equal('network');
  });
});
