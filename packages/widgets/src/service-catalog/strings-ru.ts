import type { CatalogStrings } from './strings.js';

const pluralRules = new Intl.PluralRules('ru');
const plural = (count: number, one: string, few: string, many: string): string => {
  const rule = pluralRules.select(count);
  return rule === 'one' ? one : rule === 'few' ? few : many;
};

/** Russian strings of the service catalog, loaded with `<mfc-service-catalog>`. */
export const ruCatalog: CatalogStrings = {
  catalogHeading: 'Каталог услуг',
  searchLabel: 'Найти услугу',
  searchHint: 'Например: справка о доходах, детский сад, загранпаспорт',
  categoriesLabel: 'Категории услуг',
  allCategories: 'Все категории',
  viewsLabel: 'Разделы каталога',
  viewAll: 'Все услуги',
  viewFavourites: 'Избранное',
  viewRecent: 'Вы смотрели',

  filtersHeading: 'Фильтры',
  filtersChosen: (count) => `Фильтры · ${count}`,
  removeFilter: (filter) => `Убрать фильтр: ${filter}`,
  resetFilters: 'Сбросить фильтры',
  levelLabel: 'Уровень услуги',
  anyLevel: 'Любой',
  levelFederal: 'Федеральная',
  levelRegional: 'Региональная',
  levelMunicipal: 'Муниципальная',
  municipalityLabel: 'Муниципалитет',
  anyMunicipality: 'Все муниципалитеты',
  everywhere: 'Везде',
  deliveryLabel: 'Способ получения',
  anyDelivery: 'Любой',
  deliveryOnline: 'Онлайн',
  deliveryOffice: 'В МФЦ',
  deliveryMail: 'По почте',
  termLabel: 'Срок',
  anyTerm: 'Любой',
  termUpTo: (days) => `До ${days} ${plural(days, 'рабочего дня', 'рабочих дней', 'рабочих дней')}`,
  termDays: (days) => `${days} ${plural(days, 'рабочий день', 'рабочих дня', 'рабочих дней')}`,
  availabilityLabel: 'Доступность',
  anyAvailability: 'Любая',
  availabilityAvailable: 'Доступна',
  availabilityInDevelopment: 'В разработке',
  availabilityUnavailable: 'Временно недоступна',

  presetsLabel: 'Мои подборки',
  savePreset: 'Сохранить фильтры как подборку',
  presetNameLabel: 'Название подборки',
  presetNameHint: 'Например: Детям в Заречном',
  presetNameRequired: 'Введите название подборки',
  save: 'Сохранить',
  saving: 'Сохраняем…',
  cancel: 'Отмена',
  deletePreset: (name) => `Удалить подборку «${name}»`,
  presetSaved: (name) => `Подборка «${name}» сохранена.`,

  listLabel: 'Услуги',
  catalogLoading: 'Загружаем каталог услуг…',
  loadingMore: 'Загружаем ещё…',
  loadMoreFailed: 'Не удалось загрузить продолжение списка.',
  servicesFound: (count) =>
    `${plural(count, 'Найдена', 'Найдено', 'Найдено')} ${count} ${plural(count, 'услуга', 'услуги', 'услуг')}`,
  partialMatch: 'Точных совпадений нет. Показаны услуги, похожие на запрос.',
  nothingFound: (query) => `По запросу «${query}» ничего не нашлось.`,
  nothingFoundHint: 'Проверьте, нет ли опечатки, попробуйте другое слово или сбросьте фильтры.',
  noServices: 'Услуг с такими условиями нет. Измените или сбросьте фильтры.',
  noFavourites: 'В избранном пока пусто. Отметьте услугу звёздочкой, чтобы быстро находить её здесь.',
  noRecent: 'Здесь появятся услуги, которые вы открывали.',
  offlineNotice: 'Нет связи с интернетом. Показан каталог, сохранённый на этом устройстве.',
  offlineNoCache:
    'Нет связи с интернетом, а сохранённого каталога на этом устройстве пока нет. Проверьте подключение и попробуйте снова.',
  favourite: 'В избранное',

  backToList: 'К списку услуг',
  serviceLoading: 'Загружаем описание услуги…',
  serviceOffline: 'Описание и список документов появятся, когда вернётся связь с интернетом.',
  serviceNotFound: 'Такой услуги в каталоге нет. Возможно, ссылка устарела: найдите услугу в списке.',
  feeLabel: 'Стоимость',
  feeFree: 'Бесплатно',
  providerLabel: 'Кто оказывает',
  whereLabel: 'Где действует',
  levelOfService: 'Уровень',
  requiredLevelLabel: 'Учётная запись',
  requiredLevel: (level) =>
    level === 'confirmed' ? 'подтверждённая' : level === 'standard' ? 'стандартная или подтверждённая' : 'любая',
  documentsHeading: 'Какие документы нужны',
  noDocuments: 'Документы не нужны.',
  apply: 'Подать заявление',
  notAvailable: (availability) =>
    availability === 'in_development'
      ? 'Услуга готовится к запуску: подать заявление пока нельзя.'
      : 'Услуга временно недоступна: подать заявление сейчас нельзя. Попробуйте позже или обратитесь в МФЦ.',
  signInToApply: (level) => `Чтобы подать заявление, войдите в личный кабинет. Нужна учётная запись: ${level}.`,
  levelTooLow: (current, required) =>
    `Для этой услуги нужна учётная запись: ${required}. Ваша учётная запись — ${current}.`,
  howToStandard:
    'Укажите в профиле паспорт и СНИЛС: после проверки в государственных реестрах (обычно несколько минут) учётная запись станет стандартной.',
  howToConfirmed:
    'Подтвердите личность: приходите в любой МФЦ с паспортом и покажите код из профиля (раздел «Уровень учётной записи»), и учётная запись станет подтверждённой.',
  raiseLevel: 'Повысить уровень учётной записи',
};
