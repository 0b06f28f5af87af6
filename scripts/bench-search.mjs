#!/usr/bin/env node
// Search benchmark: builds the catalog search index over 10,000 generated services and
// replays realistic queries keystroke by keystroke (Russian, on the wrong keyboard layout and
// in Latin letters), printing the index build time and the p50/p95/max latency of one
// keystroke next to its budget (docs/budgets.md: p95 ≤ 8 ms); then the share of the relevance
// check set (test-support/search-queries.json) with a wanted service in the top 3 over the
// seeded catalog, next to its goal. Numbers, not a test. Runs the tsc output:
// `npm run bench:search` builds it first.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createCatalogSearch } from '../packages/core/dist/catalog-search.js';
import { catalogData } from '../packages/server/dist/catalog/data/index.js';

const serviceCount = 10_000;
const rounds = 30;
const budgetMs = 8;

/** Deterministic pseudo-random numbers (mulberry32), so every run indexes the same catalog. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const next = random(20240601);
const pick = (items) => items[Math.floor(next() * items.length)];

// What services are about: the subject in the title, the words people use for it, the category.
const subjects = [
  ['справки о доходах', ['2-НДФЛ', 'справка о зарплате'], 'taxes'],
  ['справки об отсутствии судимости', ['несудимость'], 'security'],
  ['справки о составе семьи', ['выписка из домовой книги'], 'housing'],
  ['паспорта гражданина Российской Федерации', ['паспорт РФ', 'внутренний паспорт'], 'documents'],
  ['заграничного паспорта', ['загранпаспорт', 'загран'], 'documents'],
  ['выписки из ЕГРН', ['единый государственный реестр недвижимости', 'выписка на квартиру'], 'property'],
  ['субсидии на оплату жилого помещения и коммунальных услуг', ['ЖКУ', 'коммуналка', 'ЖКХ'], 'housing'],
  ['места в детском саду', ['детсад', 'садик', 'ДДУ'], 'children'],
  ['в первый класс общеобразовательной школы', ['школа', 'первоклассник'], 'children'],
  ['ежемесячного пособия на ребёнка', ['детские', 'единое пособие'], 'children'],
  ['материнского капитала', ['маткапитал', 'МСК'], 'children'],
  ['регистрации по месту жительства', ['прописка'], 'documents'],
  ['водительского удостоверения', ['права', 'ВУ'], 'transport'],
  ['разрешения на строительство', ['стройка', 'ИЖС'], 'property'],
  ['земельного участка в аренду', ['земля', 'участок'], 'property'],
  ['страхового номера индивидуального лицевого счёта', ['СНИЛС'], 'documents'],
  ['ИНН физического лица', ['идентификационный номер налогоплательщика'], 'taxes'],
  ['налогового вычета за лечение', ['вычет', '3-НДФЛ'], 'taxes'],
  ['свидетельства о рождении', ['рождение ребёнка', 'ЗАГС'], 'family'],
  ['свидетельства о браке', ['свадьба', 'ЗАГС'], 'family'],
  ['разрешения на вырубку зелёных насаждений', ['порубочный билет', 'деревья'], 'ecology'],
  ['парковочного разрешения для многодетной семьи', ['парковка', 'многодетные'], 'transport'],
  ['компенсации расходов на оплату ЖКУ', ['ЖКУ', 'льготы'], 'housing'],
  ['путёвки в загородный лагерь', ['лагерь', 'отдых детей'], 'children'],
  ['статуса малоимущей семьи', ['малоимущие', 'пособие'], 'social'],
  ['пенсии по старости', ['пенсия', 'СФР'], 'social'],
  ['лицензии на розничную продажу алкоголя', ['лицензия', 'алкоголь'], 'business'],
  ['регистрации индивидуального предпринимателя', ['ИП', 'бизнес'], 'business'],
];
const actions = ['Выдача', 'Получение', 'Оформление', 'Предоставление', 'Замена', 'Назначение', 'Приём заявления для', 'Продление', 'Восстановление', 'Запись для получения'];
const qualifiers = ['', '', '', 'в электронном виде', 'через МФЦ', 'гражданам пенсионного возраста', 'многодетным семьям', 'ветеранам труда', 'жителям сельских поселений', 'по месту пребывания', 'в упрощённом порядке', 'повторно'];
const summaryParts = [
  'Заявление подаётся онлайн или в офисе МФЦ.',
  'Результат можно получить лично или почтой.',
  'Понадобятся паспорт и СНИЛС заявителя.',
  'Срок рассмотрения зависит от ведомства.',
  'Услуга бесплатная, госпошлина не взимается.',
  'Статус заявления виден в личном кабинете.',
  'Ответ придёт в уведомлениях и на электронную почту.',
  'Для детей до 14 лет заявление подаёт законный представитель.',
];
const municipalities = ['zarechny', 'ozersk', 'sosnovka', 'lesnoy', 'krasnoe', 'pervomaisk', 'novoselki', 'berezovka', 'gorki', 'stepnoe'];
const levels = ['federal', 'regional', 'municipal'];
const availability = ['available', 'available', 'available', 'available', 'in_development', 'unavailable'];
const deliveries = [['online'], ['office'], ['online', 'office'], ['online', 'office', 'mail'], ['office', 'mail']];

function generateServices(count) {
  const services = [];
  for (let i = 0; i < count; i++) {
    const [subject, keywords, categoryId] = pick(subjects);
    const level = pick(levels);
    const qualifier = pick(qualifiers);
    services.push({
      id: `svc-${i}`,
      title: [pick(actions), subject, qualifier].filter(Boolean).join(' '),
      summary: `${pick(summaryParts)} ${pick(summaryParts)}`,
      categoryId,
      level,
      municipalityId: level === 'municipal' ? pick(municipalities) : null,
      deliveryMethods: pick(deliveries),
      termDays: 1 + Math.floor(next() * 45),
      fee: next() < 0.7 ? null : 100 * Math.ceil(next() * 50),
      requiredLevel: pick(['simplified', 'standard', 'confirmed']),
      availability: pick(availability),
      keywords,
      popularity: Math.floor(1000 * next() ** 3),
    });
  }
  return services;
}

// What citizens type, with and without filters.
const queries = [
  ['справку о доходах'],
  ['детсад'],
  ['садик', { municipality: 'zarechny' }],
  ['пасспорт'],
  ['загранпаспорт'],
  ['выписка егрн'],
  ['субсидия жку'],
  ['пособие на ребёнка', { delivery: 'online' }],
  ['прописка'],
  ['маткапитал'],
  ['водительские права'],
  ['разрешение на строительство', { level: 'municipal', maxTermDays: 30 }],
  ['справки о несудимости'],
  ['налоговый вычет за лечение'],
  ['cghfdrf j lj[jlf['],
  ['pfuhfygfcgjhn'],
  ['ltncrbq cfl', { municipality: 'ozersk' }],
  ['spravka o dohodah'],
  ['subsidiya zhkh'],
  ['detskiy sad'],
];

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const ms = (value) => `${value.toFixed(2)} ms`.padStart(9);

const services = generateServices(serviceCount);
const buildStart = performance.now();
const search = createCatalogSearch(services);
const buildMs = performance.now() - buildStart;

// Warm the JIT, then measure.
for (const [query, filters] of queries) for (let i = 1; i <= query.length; i++) search.search(query.slice(0, i), { filters });

const all = [];
const rows = [];
for (const [query, filters] of queries) {
  const times = [];
  let found = 0;
  for (let round = 0; round < rounds; round++) {
    for (let i = 1; i <= query.length; i++) {
      const start = performance.now();
      const result = search.search(query.slice(0, i), { filters, limit: 10 });
      times.push(performance.now() - start);
      if (i === query.length) found = result.total;
    }
  }
  times.sort((a, b) => a - b);
  all.push(...times);
  rows.push({ query: filters ? `${query} ${JSON.stringify(filters)}` : query, times, found });
}
all.sort((a, b) => a - b);

console.log(`\nCatalog search over ${search.size.toLocaleString('en')} generated services (budget: p95 ≤ ${budgetMs} ms per keystroke)\n`);
console.log(`index build: ${ms(buildMs)}\n`);
console.log(`${'query (replayed keystroke by keystroke)'.padEnd(64)}      p50       p95       max  found`);
for (const { query, times, found } of rows) {
  console.log(`${query.padEnd(64)} ${ms(percentile(times, 50))} ${ms(percentile(times, 95))} ${ms(times.at(-1))}  ${String(found).padStart(5)}`);
}
const p95 = percentile(all, 95);
console.log(`${`every keystroke (${all.length.toLocaleString('en')})`.padEnd(64)} ${ms(percentile(all, 50))} ${ms(p95)} ${ms(all.at(-1))}`);
console.log(`\n${p95 <= budgetMs ? 'ok  ' : 'OVER'}  p95 ${p95.toFixed(2)} ms / ${budgetMs} ms per keystroke`);

// Relevance: the check set over the seeded catalog (the search index the server gives).
const checkSet = JSON.parse(readFileSync(new URL('../test-support/search-queries.json', import.meta.url), 'utf8'));
const seeded = createCatalogSearch(catalogData.services);
const misses = checkSet.queries.filter(({ query, wanted }) => !seeded.search(query, { limit: 3 }).services.some(({ id }) => wanted.includes(id)));
const share = 1 - misses.length / checkSet.queries.length;
const percent = (value) => `${(100 * value).toFixed(1)} %`;
console.log(`\nRelevance check set over the seeded catalog (${seeded.size} services): ${checkSet.queries.length - misses.length} of ${checkSet.queries.length} queries find a wanted service in the top 3`);
for (const { query, kind } of misses) console.log(`  miss (${kind}): ${query}`);
console.log(`${share >= checkSet.goal ? 'ok  ' : 'OVER'}  top-3 share ${percent(share)} / goal ≥ ${percent(checkSet.goal)}`);
