/**
 * Instant search over the whole catalog, in the browser and offline: MiniSearch with the
 * Russian Snowball stemmer. Loaded lazily by `client.catalog.search()`, so pages that never
 * search do not load it.
 */
import { stemmer } from '@orama/stemmers/russian';
import MiniSearch, { type Query, type SearchOptions, type SearchResult } from 'minisearch';
import { matchesFilters } from './filters.js';
import { hasLatin, switchLayout, transliterate } from './latin.js';
import type { CatalogFilters, ServiceSummary } from './schemas.js';

/** Options of a catalog search. */
export interface CatalogSearchOptions {
  /** Only services that pass these filters (as `catalog.list()` applies them). */
  filters?: CatalogFilters;
  /** Most services to return. @default 20 */
  limit?: number;
}

/** What a catalog search found, best first. */
export interface CatalogSearchResult {
  services: ServiceSummary[];
  /** How many services matched, before `limit`. */
  total: number;
  /**
   * `true` when no service matched every word, so these match only some of them
   * (a widget may say «точных совпадений нет»).
   */
  partial: boolean;
}

/**
 * Words people type for a service, and the words its title uses. The catalog's own
 * `keywords` hold the service-specific ones; these are common to every catalog.
 */
export const searchSynonyms: Readonly<Record<string, string>> = {
  детсад: 'детский сад',
  садик: 'детский сад',
  дду: 'детский сад',
  прописка: 'регистрация по месту жительства',
  загранпаспорт: 'заграничный паспорт',
  загран: 'заграничный паспорт',
  жку: 'жилищно-коммунальных услуг',
  коммуналка: 'жилищно-коммунальных услуг',
  жкх: 'жилищно-коммунальных услуг',
  маткапитал: 'материнский капитал',
  детские: 'детское пособие',
  права: 'водительское удостоверение',
  ип: 'индивидуальный предприниматель',
  инн: 'идентификационный номер налогоплательщика',
  егрн: 'единый государственный реестр недвижимости',
};

/** Searches a catalog; build one with {@link createCatalogSearch}. */
export interface CatalogSearch {
  /** How many services the index holds. */
  readonly size: number;
  /**
   * The services that match what was typed so far, best first. The last word counts as a
   * prefix while it is being typed (no space after it); typos, word forms and synonyms are
   * forgiven, and so are words typed on the Latin layout («cghfdrf») or in Latin letters
   * («spravka»): the reading that matches best is searched. An empty query lists the most
   * popular services that pass the filters.
   */
  search(query: string, options?: CatalogSearchOptions): CatalogSearchResult;
}

/**
 * Builds the search index of a catalog.
 *
 * @example
 * ```ts
 * const search = createCatalogSearch(index.services);
 * search.search('справку о дох', { filters: { delivery: 'online' } }).services;
 * ```
 */
export function createCatalogSearch(services: readonly ServiceSummary[]): CatalogSearch {
  return new MiniSearchCatalog(services);
}

const wordSeparator = /[\n\r\p{Z}\p{P}]+/u;
// Russian, then English: an English catalog is searched by its words as written (the Russian
// stemmer leaves Latin letters alone) and their beginnings while typing.
const stopWords = new Set(['а', 'без', 'в', 'во', 'да', 'для', 'до', 'за', 'и', 'из', 'или', 'к', 'ко', 'на', 'не', 'о', 'об', 'от', 'по', 'при', 'с', 'со', 'у', 'the', 'of', 'for', 'an', 'to', 'in', 'on', 'at', 'by', 'with', 'from', 'and', 'or', 'my']);
const normalize = (word: string) => word.toLowerCase().replaceAll('ё', 'е');
/** Stems of the words seen so far: a catalog repeats few words many times. */
const stems = new Map<string, string>();
const stem = (word: string): string => {
  let found = stems.get(word);
  if (found === undefined) stems.set(word, (found = stemmer(word)));
  return found;
};

/**
 * A word is indexed as its stem, which every form of it shares; in titles and keywords also
 * as written, which the beginning of a word being typed matches even where the stemmer cut
 * more than an ending («запись» → «зап»).
 */
const toTerms = (word: string, field?: string): string | string[] | null => {
  const normalized = normalize(word);
  if (!normalized || stopWords.has(normalized)) return null;
  const stemmed = stem(normalized);
  return stemmed === normalized || field === 'summary' ? stemmed : [stemmed, normalized];
};
const searchWords = (text: string): string[] =>
  text
    .split(wordSeparator)
    .map(normalize)
    .filter((word) => word && !stopWords.has(word));

const typingAt = (text: string) => !/[\p{Z}\p{P}]$/u.test(text);

const expansions = new Map(Object.entries(searchSynonyms).map(([word, meaning]) => [word, searchWords(meaning).map(stem)]));

class MiniSearchCatalog implements CatalogSearch {
  readonly #byId = new Map<string, ServiceSummary>();
  readonly #byPopularity: ServiceSummary[];
  readonly #boost = new Map<string, number>();
  /** Every indexed term, to tell which reading of a Latin query means something; sorted for prefixes. */
  readonly #terms = new Set<string>();
  readonly #sortedTerms: string[];
  readonly #index = new MiniSearch<ServiceSummary>({
    fields: ['title', 'keywords', 'summary'],
    storeFields: [],
    extractField: (service, field) => (field === 'keywords' ? service.keywords.join(' ') : String(service[field as keyof ServiceSummary])),
    processTerm: (word, field) => {
      const terms = toTerms(word, field);
      for (const term of typeof terms === 'string' ? [terms] : (terms ?? [])) this.#terms.add(term);
      return terms;
    },
  });

  constructor(services: readonly ServiceSummary[]) {
    const maxPopularity = Math.log1p(services.reduce((max, service) => Math.max(max, service.popularity), 1));
    for (const service of services) {
      this.#byId.set(service.id, service);
      this.#boost.set(service.id, 1 + (0.5 * Math.log1p(Math.max(0, service.popularity))) / maxPopularity);
    }
    this.#byPopularity = [...this.#byId.values()].sort((a, b) => b.popularity - a.popularity);
    this.#index.addAll(this.#byPopularity);
    this.#sortedTerms = [...this.#terms].sort();
  }

  get size(): number {
    return this.#byId.size;
  }

  search(query: string, { filters, limit = 20 }: CatalogSearchOptions = {}): CatalogSearchResult {
    const reading = hasLatin(query) ? this.#likeliestReading(query) : { words: searchWords(query), typing: typingAt(query) };
    if (reading.words.length === 0) {
      const services = filters ? this.#byPopularity.filter((service) => matchesFilters(service, filters)) : this.#byPopularity;
      return { services: services.slice(0, limit), total: services.length, partial: false };
    }
    const options: SearchOptions = {
      boost: { title: 3, keywords: 2, summary: 1 },
      prefix: false,
      fuzzy: false,
      maxFuzzy: 2,
      processTerm: (term) => term,
      boostDocument: (id: string) => this.#boost.get(id) ?? 1,
      ...(filters ? { filter: ({ id }) => matchesFilters(this.#byId.get(id)!, filters) } : {}),
    };
    const readings = 'others' in reading ? reading.others : [reading];
    let best: Found | undefined;
    for (const { words, typing } of readings) {
      const found = this.#find(words, typing, options);
      if (!best || better(found, best)) best = found;
    }
    const { results, partial } = best!;
    return { services: results.slice(0, limit).map(({ id }) => this.#byId.get(id)!), total: results.length, partial };
  }

  #find(words: string[], typing: boolean, options: SearchOptions): Found {
    const queries = words.map((word, i) => wordQuery(word, typing && i === words.length - 1));
    let results = this.#index.search({ combineWith: 'AND', queries }, options);
    let partial = false;
    if (results.length === 0 && queries.length > 1) {
      results = this.#index.search({ combineWith: 'OR', queries }, options);
      partial = results.length > 0;
    }
    return { results, partial };
  }

  /**
   * A query with Latin letters read as typed, on the Russian layout and transliterated: the
   * reading with most words the catalog knows (as stems, words, synonyms or, for the word
   * being typed, beginnings of words), or when several know as many, each of them to search.
   */
  #likeliestReading(query: string): Reading | { words: string[]; typing: boolean; others: Reading[] } {
    const transliterated = transliterate(query, (spellings, last) => spellings.find((spelling) => this.#knows(normalize(spelling), last)) ?? spellings[0]!);
    const readings: Reading[] = [];
    for (const text of new Set([query, switchLayout(query), transliterated])) {
      const words = searchWords(text);
      const typing = typingAt(text);
      if (words.length > 0) readings.push({ words, typing, known: words.filter((word, i) => this.#knows(word, typing && i === words.length - 1)).length });
    }
    if (readings.length === 0) return { words: [], typing: false, known: 0 };
    const most = Math.max(...readings.map(({ known }) => known));
    const likeliest = readings.filter(({ known }) => known === most);
    const fewestUnknown = Math.min(...likeliest.map(({ words, known }) => words.length - known));
    const others = likeliest.filter(({ words, known }) => words.length - known === fewestUnknown);
    return others.length === 1 ? others[0]! : { ...others[0]!, others };
  }

  #knows(word: string, typing: boolean): boolean {
    if (this.#terms.has(word) || this.#terms.has(stem(word)) || expansions.has(word)) return true;
    if (!typing || word.length < 2) return false;
    const terms = this.#sortedTerms;
    let [low, high] = [0, terms.length];
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (terms[middle]! < word) low = middle + 1;
      else high = middle;
    }
    return terms[low]?.startsWith(word) ?? false;
  }
}

interface Reading {
  words: string[];
  typing: boolean;
  known: number;
}

interface Found {
  results: SearchResult[];
  partial: boolean;
}

/** Whether `found` matches better than `than`: all the words over some, then the higher best score. */
function better(found: Found, than: Found): boolean {
  const rank = ({ results, partial }: Found) => (results.length === 0 ? 0 : partial ? 1 : 2);
  return rank(found) > rank(than) || (rank(found) === rank(than) && (found.results[0]?.score ?? 0) > (than.results[0]?.score ?? 0));
}

/**
 * One word of the query: its stem, forgiving typos when long enough; while it is being typed,
 * also what was typed as the beginning of a word of a title or keyword; or what it is a
 * synonym of.
 */
function wordQuery(word: string, typing: boolean): Query {
  const stemmed = stem(word);
  const alternatives: Query[] = [{ queries: [stemmed], fuzzy: stemmed.length >= 5 ? 0.2 : false }];
  if (typing && word.length > 1) {
    // Two letters begin too many words: look for them in titles only.
    alternatives.push({ queries: [word], prefix: true, fields: word.length < 3 ? ['title'] : ['title', 'keywords'] });
  }
  const expansion = expansions.get(word);
  if (expansion) alternatives.push({ combineWith: 'AND', queries: expansion });
  return { combineWith: 'OR', queries: alternatives };
}
