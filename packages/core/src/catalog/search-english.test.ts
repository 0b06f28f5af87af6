/**
 * Searching the seeded catalog in English, as the server gives its English search index
 * (`?lang=en`): words and their beginnings while typing, the everyday names of services,
 * a typo in a long word, small words ignored.
 */
import { expect } from '@open-wc/testing';
import type { SearchIndex } from './schemas.js';
import { createCatalogSearch } from './search.js';

const index: SearchIndex = await (await fetch('/api/v1/catalog/search-index?lang=en')).json();
const search = createCatalogSearch(index.services);
const top3 = (query: string) => search.search(query, { limit: 3 }).services.map(({ id }) => id);

describe('catalog search in English over the seeded catalog', () => {
  it('is an English index', () => {
    expect(index.services.find(({ id }) => id === 'tax-debt-certificate')?.title).to.equal('Certificate of no tax debt');
  });

  const cases: Array<[string, string[]]> = [
    ['tax debt', ['tax-debt-certificate']],
    ['certificate of no tax debt', ['tax-debt-certificate']],
    ['passport', ['passport-14', 'passport-replacement', 'international-passport']],
    ['international passport', ['international-passport']],
    ['kindergarten', ['kindergarten-zarechny', 'kindergarten-svetlogorsky', 'kindergarten-verkhnerechinsk']],
    ['kinderg', ['kindergarten-zarechny', 'kindergarten-svetlogorsky', 'kindergarten-verkhnerechinsk']],
    ['driving licence', ['driving-licence-replacement']],
    ['marriage', ['marriage-registration']],
    ['income certif', ['income-certificate']],
    ['criminal record', ['criminal-record-certificate']],
    ['sole proprietor', ['sole-proprietor-registration', 'sole-proprietor-closure']],
    ['pothole', ['road-repair-zarechny', 'road-repair-svetlogorsky', 'road-repair-verkhnerechinsk']],
    ['pension', ['old-age-pension', 'pension-amount-certificate']],
    ['doctor', ['doctor-appointment', 'doctor-home-visit']],
    ['snils', ['snils']],
    ['certifcate of income', ['income-certificate']],
  ];
  for (const [query, wanted] of cases) {
    it(`«${query}» finds ${wanted.join(' or ')} in the top 3`, () => {
      const found = top3(query);
      expect(found.some((id) => wanted.includes(id)), `found ${found.join(', ') || 'nothing'}`).to.be.true;
    });
  }
});
