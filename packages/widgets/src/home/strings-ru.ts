import type { HomeStrings } from './strings.js';

const pluralRules = new Intl.PluralRules('ru');
const plural = (count: number, forms: { one: string; few: string; many: string }): string =>
  forms[pluralRules.select(count) as 'one' | 'few' | 'many'] ?? forms.many;

/** Russian strings of the cabinet's home, loaded with it. */
export const ruHome: HomeStrings = {
  homeHeading: 'Главное сейчас',
  homeNavLabel: 'Разделы кабинета',
  homeToCatalog: 'Каталог услуг',
  homeToApplications: 'Мои заявления',
  homeToProfile: 'Профиль и безопасность',
  homeLoading: 'Загружаем ваши заявления…',
  homeOffline: 'Нет связи — показаны сохранённые данные.',
  homeEmptyHeading: 'Добро пожаловать!',
  homeEmptyLead: 'Здесь появятся ваши заявления, черновики и готовые документы. Начните с выбора услуги в каталоге.',
  homeEmptyAction: 'Выбрать услугу',
  homeRetry: 'Повторить',
  homeLoadFailed: 'Не удалось загрузить этот раздел.',
  homeAll: (count) => `Все (${count})`,

  homeNeedsInfoHeading: 'Нужно дополнить',
  homeRequestComment: (comment) => `МФЦ просит: ${comment}`,
  homeRequestedDocuments: (kinds) => `Документы: ${kinds}`,
  homeRequestedFields: (count) => `Сведения в заявлении: ${count} ${plural(count, { one: 'поле', few: 'поля', many: 'полей' })}`,
  homeAnswer: 'Ответить на запрос',
  homeDraftsHeading: 'Черновики',
  homeDraftSaved: (date) => `Сохранён ${date}`,
  homeContinue: 'Продолжить заполнение',
  homeInProgressHeading: 'В работе',
  homeExpected: (date) => `Срок исполнения: ${date}`,
  homeOpen: 'Подробнее',
  homeResultsHeading: 'Готовые документы',
  homeResultIssued: (date, issuedBy) => `Выдан ${date}${issuedBy ? `, ${issuedBy}` : ''}`,
  homeDownload: (name) => `Скачать ${name}`,
  homeToApplication: 'К заявлению',

  homeLevelHeading: 'Учётная запись упрощённая',
  homeLevelLead: 'Укажите паспорт и СНИЛС: после проверки в государственных реестрах учётная запись станет стандартной и откроет большинство услуг онлайн.',
  homeLevelAction: 'Указать личные данные',
};
