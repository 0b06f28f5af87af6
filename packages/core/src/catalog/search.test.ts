import { expect } from '@open-wc/testing';
import type { ServiceSummary } from './schemas.js';
import { switchLayout, transliterations } from './latin.js';
import { createCatalogSearch, type CatalogSearchOptions } from './search.js';

function service(id: string, title: string, more: Partial<ServiceSummary> = {}): ServiceSummary {
  return {
    id,
    title,
    summary: '',
    categoryId: 'documents',
    level: 'federal',
    municipalityId: null,
    deliveryMethods: ['online', 'office'],
    termDays: 10,
    fee: null,
    requiredLevel: 'standard',
    availability: 'available',
    keywords: [],
    popularity: 10,
    ...more,
  };
}

const catalog = createCatalogSearch([
  service('income', 'Справка о доходах', { summary: 'Справка 2-НДФЛ для банка или визы', categoryId: 'taxes', popularity: 80 }),
  service('family', 'Справка о составе семьи', { categoryId: 'housing', level: 'municipal', municipalityId: 'zarechny', popularity: 30 }),
  service('kindergarten', 'Запись в детский сад', {
    summary: 'Постановка ребёнка в очередь в дошкольное учреждение',
    categoryId: 'children',
    level: 'municipal',
    municipalityId: 'zarechny',
    keywords: ['ДДУ', 'очередь в сад'],
    popularity: 90,
  }),
  service('school', 'Запись в первый класс', { summary: 'Зачисление ребенка в школу', categoryId: 'children', level: 'municipal', municipalityId: 'ozersk', popularity: 70 }),
  service('passport', 'Замена паспорта гражданина РФ', { summary: 'При достижении 20 и 45 лет', popularity: 60 }),
  service('foreign-passport', 'Оформление заграничного паспорта', { deliveryMethods: ['office'], termDays: 30, popularity: 50 }),
  service('egrn', 'Выписка из ЕГРН', { summary: 'Сведения об объекте недвижимости', categoryId: 'property', popularity: 40 }),
  service('subsidy', 'Субсидия на оплату жилого помещения и коммунальных услуг', {
    summary: 'Помощь семьям, чьи расходы на ЖКУ выше доли дохода',
    categoryId: 'housing',
    availability: 'in_development',
    popularity: 20,
  }),
  service('property-tax', 'Льгота по налогу на имущество', {
    summary: 'Справка не нужна: сведения о пенсии запрашиваются у СФР',
    categoryId: 'taxes',
    popularity: 95,
  }),
]);

const ids = (query: string, options?: CatalogSearchOptions) => catalog.search(query, options).services.map((found) => found.id);

describe('catalog search', () => {
  it('finds Russian word forms: «справку», «справки», «справок» find «Справка …»', () => {
    for (const query of ['справка', 'справку', 'справки', 'справок', 'СПРАВКУ']) {
      expect(ids(query), query).to.include.members(['income', 'family']);
    }
  });

  it('knows synonyms: «детсад», «садик» and «ДДУ» find «Запись в детский сад»', () => {
    for (const query of ['детсад', 'садик', 'ДДУ', 'детские сады']) {
      expect(ids(query)[0], query).to.equal('kindergarten');
    }
  });

  it('forgives typos in longer words', () => {
    expect(ids('пасспорт')).to.include('passport');
    expect(ids('выпизка егрн')).to.deep.equal(['egrn']);
    expect(ids('субсидя')).to.deep.equal(['subsidy']);
  });

  it('finds abbreviations in any case, with and without synonyms', () => {
    expect(ids('егрн')).to.deep.equal(['egrn']);
    expect(ids('выписка ЕГРН')).to.deep.equal(['egrn']);
    expect(ids('субсидия жку')).to.deep.equal(['subsidy']);
  });

  it('treats the word being typed as a prefix, and a finished word as whole', () => {
    expect(ids('спр')).to.include.members(['income', 'family']);
    expect(ids('пасп')).to.include.members(['passport', 'foreign-passport']);
    expect(ids('справку о дох')).to.deep.equal(['income']);
    expect(ids('пасп ')).to.deep.equal([], 'a space ends the word');
  });

  it('reads ё as е', () => {
    expect(ids('ребёнка')).to.deep.equal(ids('ребенка'));
    expect(ids('ребёнка')).to.include.members(['kindergarten', 'school']);
  });

  it('ranks title matches above summary matches, however popular', () => {
    const found = ids('справка');
    expect(found).to.include('property-tax');
    expect(found.indexOf('property-tax')).to.be.greaterThan(found.indexOf('family'));
  });

  it('ranks popular services first among equal matches', () => {
    expect(ids('запись')).to.deep.equal(['kindergarten', 'school']);
    expect(ids('справка')[0]).to.equal('income');
  });

  it('falls back to services that match some of the words when none matches all', () => {
    const result = catalog.search('справка о доходах в антарктиде');
    expect(result.partial).to.be.true;
    expect(result.services[0]?.id).to.equal('income');
    expect(catalog.search('справка о доходах').partial).to.be.false;
    expect(catalog.search('антарктида')).to.deep.equal({ services: [], total: 0, partial: false });
  });

  it('respects filters; a service with no municipality is offered in every one', () => {
    expect(ids('запись', { filters: { municipality: 'ozersk' } })).to.deep.equal(['school']);
    expect(ids('справка', { filters: { municipality: 'ozersk' } })).to.include('income').and.not.include('family');
    expect(ids('паспорт', { filters: { delivery: 'online' } })).to.deep.equal(['passport']);
    expect(ids('паспорт', { filters: { maxTermDays: 20 } })).to.deep.equal(['passport']);
    expect(ids('субсидия', { filters: { availability: 'available' } })).to.deep.equal([]);
    expect(ids('справка', { filters: { category: 'taxes', level: 'federal' } })).to.deep.equal(['income', 'property-tax']);
  });

  it('lists the most popular services for an empty query, filtered and limited', () => {
    expect(ids('', { limit: 3 })).to.deep.equal(['property-tax', 'kindergarten', 'income']);
    expect(ids('  о  ', { limit: 3 })).to.deep.equal(['property-tax', 'kindergarten', 'income'], 'stop words alone');
    const children = catalog.search('', { filters: { category: 'children' } });
    expect(children.services.map((found) => found.id)).to.deep.equal(['kindergarten', 'school']);
    expect(children.total).to.equal(2);
  });

  it('limits the answer and tells how many matched', () => {
    const result = catalog.search('справка', { limit: 1 });
    expect(result.services).to.have.length(1);
    expect(result.total).to.equal(3);
  });

  it('reads words typed on the Latin layout as the same keys on the Russian one, punctuation keys too', () => {
    expect(switchLayout('cghfdrf j lj[jlf[')).to.equal('справка о доходах');
    expect(switchLayout('CGHFDRF J LJ{JLF{')).to.equal('справка о доходах');
    expect(switchLayout('справка j lj[jlf[')).to.equal('справка о доходах', 'Cyrillic words stay');
    expect(ids('cghfdrf j lj[jlf[')).to.deep.equal(['income']);
    expect(ids('cghfdrf j lj[')).to.deep.equal(['income'], 'while typing «справка о дох»');
    expect(ids('pfuhfybxyjuj')).to.deep.equal(['foreign-passport']);
  });

  it('reads Latin letters as transliterated Russian, trying the ambiguous spellings', () => {
    expect(transliterations('dohodah')[0]).to.equal('доходах');
    expect(transliterations('dokhodakh')).to.include('доходах');
    expect(transliterations('detskiy')).to.include('детский');
    expect(transliterations('zhkh')).to.include('жкх');
    expect(transliterations('subsidiya')[0]).to.equal('субсидия');
    expect(transliterations('zaiavlenie')[0]).to.equal('заявление');
    expect(transliterations('vypiska')[0]).to.equal('выписка');
    expect(ids('spravka o dohodah')).to.deep.equal(['income']);
    expect(ids('spravka o doh')).to.deep.equal(['income']);
    expect(ids('detskiy sad')[0]).to.equal('kindergarten');
    expect(ids('subsidiya zhku')).to.deep.equal(['subsidy']);
    expect(ids('vypiska egrn')).to.deep.equal(['egrn']);
    expect(ids('справка o доходах')).to.deep.equal(['income'], 'a Latin «o» among Cyrillic words');
  });

  it('searches the reading that matches best, not every reading at once', () => {
    // «gfcgjhn» is «паспорт» on the Russian layout; transliterated («гфцгйхн») it matches nothing.
    expect(ids('gfcgjhn')).to.include.members(['passport', 'foreign-passport']);
    expect(ids('spravka')).to.include.members(['income', 'family']);
    expect(catalog.search('cghfdrf j lj[jlf[').partial).to.be.false;
    expect(ids('qwxz')).to.deep.equal([]);
  });
});
