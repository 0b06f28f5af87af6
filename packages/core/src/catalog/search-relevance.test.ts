/**
 * The relevance check set (test-support/search-queries.json) over the seeded catalog, as the
 * server gives its search index to browsers: for each query, one of the services wanted is
 * among the first three found. `npm run bench:search` prints the same share.
 */
import { expect } from '@open-wc/testing';
import type { SearchIndex } from './schemas.js';
import { createCatalogSearch } from './search.js';

interface CheckSet {
  goal: number;
  queries: Array<{ query: string; kind: string; wanted: string[] }>;
}

const checkSet: CheckSet = await (await fetch(new URL('../../../../test-support/search-queries.json', import.meta.url))).json();
const index: SearchIndex = await (await fetch('/api/v1/catalog/search-index?lang=ru')).json();
const search = createCatalogSearch(index.services);
const top3 = (query: string) => search.search(query, { limit: 3 }).services.map(({ id }) => id);

describe('catalog search relevance over the seeded catalog', () => {
  it('has at least 60 queries of every kind, each wanting services the catalog has', () => {
    expect(checkSet.queries.length).to.be.at.least(60);
    const kinds = new Set(checkSet.queries.map(({ kind }) => kind.split(',')[0]));
    expect([...kinds]).to.include.members(['plain', 'word forms', 'typos', 'everyday', 'layout', 'Latin', 'mixed']);
    const ids = new Set(index.services.map(({ id }) => id));
    for (const { query, wanted } of checkSet.queries) {
      expect(wanted.filter((id) => !ids.has(id)), query).to.deep.equal([]);
    }
  });

  for (const { query, kind, wanted } of checkSet.queries) {
    it(`${kind}: «${query}» finds ${wanted.length > 1 ? `one of ${wanted.join(', ')}` : wanted[0]} in the top 3`, () => {
      const found = top3(query);
      expect(found.some((id) => wanted.includes(id)), `found ${found.join(', ') || 'nothing'}`).to.be.true;
    });
  }

  it(`finds a wanted service in the top 3 for at least the goal's share of the queries`, () => {
    const misses = checkSet.queries.filter(({ query, wanted }) => !top3(query).some((id) => wanted.includes(id))).map(({ query }) => query);
    const share = 1 - misses.length / checkSet.queries.length;
    expect(share, `misses: ${misses.join('; ')}`).to.be.at.least(checkSet.goal);
  });

  it('«субсидия жкх» finds the housing subsidy alone, not the grant to businesses', () => {
    const result = search.search('субсидия жкх');
    expect(result.services.map(({ id }) => id)).to.deep.equal(['housing-subsidy']);
    expect(result.partial).to.be.false;
    expect(search.search('субсидия жкх ').services.map(({ id }) => id)).to.deep.equal(['housing-subsidy']);
  });
});
