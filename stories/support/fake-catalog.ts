/**
 * The service catalog of the fake Cabinet API (`fake-api.ts`): a dozen services shaped like
 * the reference server's seed, as many generated ones as a story asks for (a long list),
 * pages with a cursor, the search index, and the citizen's favourites, recently viewed
 * services and filter presets, kept per fake server.
 */
import type {
  AccountLevel,
  Availability,
  CatalogFilters,
  CatalogPersonal,
  DeliveryMethod,
  FilterPreset,
  Service,
  ServiceLevel,
  ServiceSummary,
} from '@mfc-cabinet/core';
import { ok, type FakeCabinetApi, type FakeRequest, type Handler, type Reply } from './fake-api.js';
import { perServer, refuse } from './fake-shared.js';

/** What the catalog of a story holds. */
export interface FakeCatalogOptions {
  /** Generated services added to the sample ones, for a long list (e.g. 5000). @default 0 */
  generated?: number;
  /** Only these of the sample services (their ids). @default all */
  only?: string[];
  /** A service with a very long title, summary, description and list of documents. @default false */
  longText?: boolean;
  /** The citizen's favourites, recently viewed services and presets at the start. */
  favourites?: string[];
  recent?: string[];
  presets?: Array<Pick<FilterPreset, 'name' | 'filters'>>;
}

export type CatalogEndpoint =
  | 'GET catalog/services'
  | 'GET catalog/services/:id'
  | 'GET catalog/categories'
  | 'GET catalog/search-index'
  | 'GET catalog/me'
  | 'PUT catalog/favourites/:serviceId'
  | 'DELETE catalog/favourites/:serviceId'
  | 'POST catalog/recent'
  | 'POST catalog/presets'
  | 'DELETE catalog/presets/:id';

export const catalogEndpoints: readonly CatalogEndpoint[] = [
  'GET catalog/services',
  'GET catalog/services/:id',
  'GET catalog/categories',
  'GET catalog/search-index',
  'GET catalog/me',
  'PUT catalog/favourites/:serviceId',
  'DELETE catalog/favourites/:serviceId',
  'POST catalog/recent',
  'POST catalog/presets',
  'DELETE catalog/presets/:id',
];

/** The citizen's own lists need the session, whose idle deadline they move, as on the server. */
export const catalogSessionNeeds: Partial<Record<CatalogEndpoint, 'use'>> = {
  'GET catalog/me': 'use',
  'PUT catalog/favourites/:serviceId': 'use',
  'DELETE catalog/favourites/:serviceId': 'use',
  'POST catalog/recent': 'use',
  'POST catalog/presets': 'use',
  'DELETE catalog/presets/:id': 'use',
};

const categories = [
  { id: 'documents', title: 'Паспорта и документы' },
  { id: 'family', title: 'Семья и дети' },
  { id: 'education', title: 'Образование' },
  { id: 'housing', title: 'ЖКХ и недвижимость' },
  { id: 'social', title: 'Социальная поддержка' },
  { id: 'certificates', title: 'Справки и выписки' },
  { id: 'business', title: 'Бизнес' },
];

const municipalities = [
  { id: 'zarechny', name: 'город Заречный', region: 'Энская область' },
  { id: 'svetlogorsky', name: 'Светлогорский район', region: 'Энская область' },
];

const passport = { title: 'Паспорт гражданина РФ', note: null };
const snils = { title: 'СНИЛС', note: 'номер, если его нет в профиле' };

type Sample = Omit<Service, 'form' | 'keywords' | 'provider'> & { keywords?: string[]; provider?: string };

const samples: Sample[] = [
  {
    id: 'income-certificate',
    title: 'Справка о доходах и суммах налога',
    summary: 'Сведения о доходах за год (бывшая 2-НДФЛ) — для банка, визы или получения льгот.',
    description: 'Справку формирует налоговая по сведениям работодателей; электронная подписана усиленной подписью ФНС.',
    categoryId: 'certificates',
    level: 'federal',
    municipalityId: null,
    deliveryMethods: ['online', 'office'],
    termDays: 1,
    fee: null,
    requiredLevel: 'standard',
    availability: 'available',
    keywords: ['2-ндфл', 'справка о доходах', 'справка для банка'],
    popularity: 92,
    provider: 'Управление ФНС России по Энской области',
    requiredDocuments: [passport],
  },
  {
    id: 'kindergarten-zarechny',
    title: 'Запись в детский сад',
    summary: 'Постановка ребёнка в очередь в муниципальный детский сад города Заречный.',
    description: 'Очередь ведётся по дате заявления; льготники зачисляются в первую очередь. Место предлагают к 1 сентября.',
    categoryId: 'education',
    level: 'municipal',
    municipalityId: 'zarechny',
    deliveryMethods: ['online', 'office'],
    termDays: 7,
    fee: null,
    requiredLevel: 'confirmed',
    availability: 'available',
    keywords: ['детсад', 'садик', 'очередь в детский сад'],
    popularity: 93,
    requiredDocuments: [passport, { title: 'Свидетельство о рождении ребёнка', note: null }],
  },
  {
    id: 'passport-14',
    title: 'Получение паспорта гражданина РФ в 14 лет',
    summary: 'Первый паспорт для подростка, которому исполнилось 14 лет.',
    description: 'Заявление подают в течение 90 дней после 14-летия. Паспорт выдают в МФЦ, где подано заявление.',
    categoryId: 'documents',
    level: 'federal',
    municipalityId: null,
    deliveryMethods: ['online', 'office'],
    termDays: 10,
    fee: 300,
    requiredLevel: 'standard',
    availability: 'available',
    keywords: ['паспорт', 'паспорт в 14 лет'],
    popularity: 96,
    requiredDocuments: [{ title: 'Свидетельство о рождении', note: null }, { title: 'Две фотографии 35×45 мм', note: 'при подаче в МФЦ' }],
  },
  {
    id: 'foreign-passport',
    title: 'Заграничный паспорт нового образца',
    summary: 'Биометрический загранпаспорт на 10 лет.',
    description: 'Фотографируют в подразделении МВД или МФЦ при подаче. Госпошлина со скидкой при оплате онлайн не предусмотрена.',
    categoryId: 'documents',
    level: 'federal',
    municipalityId: null,
    deliveryMethods: ['online', 'office'],
    termDays: 22,
    fee: 6000,
    requiredLevel: 'standard',
    availability: 'available',
    keywords: ['загранпаспорт', 'загран'],
    popularity: 95,
    requiredDocuments: [passport],
  },
  {
    id: 'house-register-extract-zarechny',
    title: 'Выписка из домовой книги',
    summary: 'Кто зарегистрирован в квартире или доме в городе Заречный, с датами регистрации.',
    description: 'Выписку выдают собственнику или зарегистрированному в жилье. Действует 30 дней.',
    categoryId: 'certificates',
    level: 'municipal',
    municipalityId: 'zarechny',
    deliveryMethods: ['online', 'office', 'mail'],
    termDays: 3,
    fee: null,
    requiredLevel: 'standard',
    availability: 'available',
    popularity: 69,
    requiredDocuments: [passport, { title: 'Документ о праве собственности', note: 'если права нет в ЕГРН' }],
  },
  {
    id: 'housing-subsidy',
    title: 'Субсидия на оплату жилого помещения и коммунальных услуг',
    summary: 'Если расходы на ЖКУ превышают 22 % дохода семьи.',
    description: 'Субсидию назначают на 6 месяцев; затем подают заявление снова.',
    categoryId: 'social',
    level: 'regional',
    municipalityId: null,
    deliveryMethods: ['online', 'office', 'mail'],
    termDays: 10,
    fee: null,
    requiredLevel: 'standard',
    availability: 'available',
    keywords: ['субсидия жку', 'коммуналка'],
    popularity: 80,
    requiredDocuments: [passport, snils, { title: 'Сведения о доходах семьи за 6 месяцев', note: null }],
  },
  {
    id: 'road-repair-svetlogorsky',
    title: 'Заявка на ремонт дорожного полотна',
    summary: 'Ямы и разрушенный асфальт на дорогах и во дворах Светлогорского района.',
    description: 'Заявку рассматривает администрация района и включает участок в план ремонта.',
    categoryId: 'housing',
    level: 'municipal',
    municipalityId: 'svetlogorsky',
    deliveryMethods: ['online', 'mail'],
    termDays: 30,
    fee: null,
    requiredLevel: 'simplified',
    availability: 'available',
    popularity: 40,
    requiredDocuments: [],
  },
  {
    id: 'marriage-registration',
    title: 'Регистрация брака',
    summary: 'Заявление в ЗАГС и выбор даты торжественной регистрации.',
    description: 'Брак регистрируют не раньше чем через месяц после подачи заявления.',
    categoryId: 'family',
    level: 'federal',
    municipalityId: null,
    deliveryMethods: ['online', 'office'],
    termDays: 30,
    fee: 350,
    requiredLevel: 'confirmed',
    availability: 'available',
    popularity: 75,
    requiredDocuments: [passport, { title: 'Паспорт второго супруга', note: null }],
  },
  {
    id: 'legal-entity-registration',
    title: 'Регистрация юридического лица',
    summary: 'Создание ООО или другой организации.',
    description: 'Документы подписывают усиленной квалифицированной электронной подписью.',
    categoryId: 'business',
    level: 'federal',
    municipalityId: null,
    deliveryMethods: ['online', 'office'],
    termDays: 3,
    fee: null,
    requiredLevel: 'confirmed',
    availability: 'available',
    popularity: 50,
    requiredDocuments: [passport, { title: 'Устав', note: null }, { title: 'Решение о создании', note: null }],
  },
  {
    id: 'startup-grant',
    title: 'Грант начинающему предпринимателю',
    summary: 'До 500 000 ₽ на открытие дела в первые два года.',
    description: 'Приём заявок откроется после утверждения регионального конкурса.',
    categoryId: 'business',
    level: 'regional',
    municipalityId: null,
    deliveryMethods: ['online'],
    termDays: 30,
    fee: null,
    requiredLevel: 'confirmed',
    availability: 'in_development',
    popularity: 20,
    requiredDocuments: [passport],
  },
  {
    id: 'transport-benefit',
    title: 'Оформление льготного проезда в общественном транспорте',
    summary: 'Социальная транспортная карта для пенсионеров, школьников и льготников.',
    description: 'Карту выпускают в МФЦ; её можно получить там же или по почте.',
    categoryId: 'social',
    level: 'regional',
    municipalityId: null,
    deliveryMethods: ['office', 'mail'],
    termDays: 15,
    fee: null,
    requiredLevel: 'simplified',
    availability: 'unavailable',
    popularity: 60,
    requiredDocuments: [passport, snils, { title: 'Документ о праве на льготу', note: null }],
  },
  {
    id: 'no-debt-certificate',
    title: 'Справка об отсутствии задолженности по налогам',
    summary: 'Подтверждение, что налоги и взносы уплачены.',
    description: 'Справку формирует налоговая на дату запроса.',
    categoryId: 'certificates',
    level: 'federal',
    municipalityId: null,
    deliveryMethods: ['online', 'office'],
    termDays: 5,
    fee: null,
    requiredLevel: 'standard',
    availability: 'available',
    popularity: 55,
    requiredDocuments: [passport],
  },
];

const longText: Sample = {
  id: 'long-text',
  title:
    'Предоставление компенсации части родительской платы за присмотр и уход за детьми, осваивающими образовательные программы дошкольного образования в муниципальных образовательных организациях',
  summary:
    'Компенсация выплачивается одному из родителей (законных представителей), внёсших родительскую плату за присмотр и уход за ребёнком, в размере не менее 20 % среднего размера платы на первого ребёнка, 50 % — на второго и 70 % — на третьего и последующих детей, с учётом критерия нуждаемости, установленного в Энской области.',
  description:
    'Заявление подаётся один раз и действует, пока ребёнок посещает детский сад. При изменении состава семьи, дохода или реквизитов банковского счёта сообщите об этом в течение 14 календарных дней. '.repeat(3),
  categoryId: 'family',
  level: 'municipal',
  municipalityId: 'zarechny',
  deliveryMethods: ['online', 'office', 'mail'],
  termDays: 10,
  fee: null,
  requiredLevel: 'standard',
  availability: 'available',
  popularity: 99,
  requiredDocuments: [
    passport,
    snils,
    { title: 'Свидетельство о рождении каждого ребёнка в семье, включая совершеннолетних детей до 23 лет, обучающихся очно', note: 'выданное за рубежом — с нотариально заверенным переводом' },
    { title: 'Реквизиты счёта в российском банке', note: null },
    { title: 'Справки о доходах всех членов семьи за последние 12 календарных месяцев, предшествующих месяцу подачи заявления', note: 'если доходы не известны государственным информационным системам' },
  ],
};

const levels: ServiceLevel[] = ['federal', 'regional', 'municipal'];
const methods: DeliveryMethod[][] = [['online'], ['online', 'office'], ['office', 'mail'], ['online', 'office', 'mail']];
const accountLevels: AccountLevel[] = ['simplified', 'standard', 'confirmed'];
const availability: Availability[] = ['available', 'available', 'available', 'in_development', 'unavailable'];
const subjects = ['справка', 'выписка', 'разрешение', 'пособие', 'заявка', 'запись', 'компенсация', 'субсидия'];

/** The `n`-th generated service: varied, plausible, the same every time. */
function generated(n: number): Sample {
  const subject = subjects[n % subjects.length]!;
  const category = categories[n % categories.length]!;
  return {
    id: `generated-${n}`,
    title: `${subject[0]!.toUpperCase()}${subject.slice(1)} по обращению № ${n} (${category.title.toLowerCase()})`,
    summary: `Услуга из длинного каталога: ${subject} для жителей, раздел «${category.title}».`,
    description: `Описание услуги № ${n}.`,
    categoryId: category.id,
    level: levels[n % levels.length]!,
    municipalityId: n % 3 === 0 ? null : municipalities[n % municipalities.length]!.id,
    deliveryMethods: methods[n % methods.length]!,
    termDays: 1 + (n % 30),
    fee: n % 4 === 0 ? 200 + (n % 10) * 100 : null,
    requiredLevel: accountLevels[n % accountLevels.length]!,
    availability: availability[n % availability.length]!,
    popularity: n % 90,
    requiredDocuments: [passport],
  };
}

function toService(sample: Sample): Service {
  return {
    ...sample,
    keywords: sample.keywords ?? [],
    provider: sample.provider ?? (sample.municipalityId ? 'Администрация муниципалитета' : 'Ведомство Энской области'),
    form: {
      version: 1,
      steps: [{ id: 'applicant', title: 'Заявитель', fields: [{ id: 'lastName', type: 'text', label: 'Фамилия', required: true, autofill: 'lastName' }] }],
    },
  };
}

function summaryOf({ description: _d, requiredDocuments: _r, provider: _p, form: _f, ...summary }: Service): ServiceSummary {
  return summary;
}

/** The catalog of one fake server. */
class FakeCatalog {
  readonly services: Service[];
  readonly personal: CatalogPersonal;
  #presets = 0;

  constructor(options: FakeCatalogOptions) {
    const chosen = options.only ? samples.filter((sample) => options.only!.includes(sample.id)) : samples;
    const all = [...chosen, ...(options.longText ? [longText] : [])];
    for (let n = 1; n <= (options.generated ?? 0); n++) all.push(generated(n));
    const collator = new Intl.Collator('ru');
    // The server's order: popular first, then by title.
    this.services = all.map(toService).sort((a, b) => b.popularity - a.popularity || collator.compare(a.title, b.title));
    this.personal = {
      favourites: [...(options.favourites ?? [])],
      recent: [...(options.recent ?? [])],
      presets: (options.presets ?? []).map((preset) => this.#preset(preset)),
    };
  }

  #preset({ name, filters }: Pick<FilterPreset, 'name' | 'filters'>): FilterPreset {
    return { id: `preset-${++this.#presets}`, name, filters, createdAt: new Date().toISOString() };
  }

  savePreset(body: Record<string, unknown> | undefined): FilterPreset {
    const preset = this.#preset({ name: String(body?.['name'] ?? ''), filters: (body?.['filters'] ?? {}) as CatalogFilters });
    this.personal.presets.push(preset);
    return preset;
  }

  find(id: string | undefined): Service | undefined {
    return this.services.find((service) => service.id === id);
  }

  index() {
    return {
      version: `fake-${this.services.length}`,
      categories: categories.map((category) => ({ ...category, count: this.services.filter((s) => s.categoryId === category.id).length })),
      municipalities,
      services: this.services.map(summaryOf),
    };
  }
}

/** The catalog of a fake server, made from its `catalog` option on first use. */
export const catalogOf = perServer((api) => new FakeCatalog(api.options.catalog ?? {}));

function matches(service: ServiceSummary, filters: URLSearchParams): boolean {
  const value = (name: keyof CatalogFilters) => filters.get(name) ?? undefined;
  const municipality = value('municipality');
  const term = value('maxTermDays');
  return (
    (!value('category') || service.categoryId === value('category')) &&
    (!value('level') || service.level === value('level')) &&
    (!municipality || service.municipalityId === null || service.municipalityId === municipality) &&
    (!value('delivery') || service.deliveryMethods.includes(value('delivery') as DeliveryMethod)) &&
    (!term || service.termDays <= Number(term)) &&
    (!value('availability') || service.availability === value('availability'))
  );
}

const notFound = (request: FakeRequest, api: FakeCabinetApi): Reply => refuse(request, api, 404, 'not_found');

/** How the fake server answers the catalog's requests. */
export const catalogHandlers: Record<CatalogEndpoint, Handler> = {
  'GET catalog/services': ({ query }, api) => {
    const matching = catalogOf(api).services.filter((service) => matches(service, query));
    const offset = Number(query.get('cursor') ?? 0);
    const limit = Number(query.get('limit') ?? 20);
    const next = offset + limit;
    return ok({
      items: matching.slice(offset, next).map(summaryOf),
      nextCursor: next < matching.length ? String(next) : null,
      total: matching.length,
    });
  },

  'GET catalog/services/:id': (request, api) => {
    const service = catalogOf(api).find(request.params['id']);
    return service ? ok(service) : notFound(request, api);
  },

  'GET catalog/categories': (_request, api) => {
    const { categories: list, municipalities: places } = catalogOf(api).index();
    return ok({ categories: list, municipalities: places });
  },

  'GET catalog/search-index': (_request, api) => ok(catalogOf(api).index()),

  'GET catalog/me': (_request, api) => ok(catalogOf(api).personal),

  'PUT catalog/favourites/:serviceId': (request, api) => {
    const catalog = catalogOf(api);
    const id = request.params['serviceId'] ?? '';
    if (!catalog.find(id)) return notFound(request, api);
    if (!catalog.personal.favourites.includes(id)) catalog.personal.favourites.push(id);
    return ok(catalog.personal);
  },

  'DELETE catalog/favourites/:serviceId': ({ params }, api) => {
    const { personal } = catalogOf(api);
    personal.favourites = personal.favourites.filter((id) => id !== params['serviceId']);
    return ok(personal);
  },

  'POST catalog/recent': (request, api) => {
    const { personal } = catalogOf(api);
    const id = String(request.body?.['serviceId'] ?? '');
    personal.recent = [id, ...personal.recent.filter((seen) => seen !== id)].slice(0, 20);
    return ok(personal);
  },

  'POST catalog/presets': ({ body }, api) => ok(catalogOf(api).savePreset(body)),

  'DELETE catalog/presets/:id': ({ params }, api) => {
    const { personal } = catalogOf(api);
    personal.presets = personal.presets.filter((preset) => preset.id !== params['id']);
    return { kind: 'empty', status: 204 };
  },
};
