import type { ApplicationFormStrings } from './strings.js';

const pluralRules = new Intl.PluralRules('ru');
const documents = (count: number): string => {
  const rule = pluralRules.select(count);
  return `${count} ${rule === 'one' ? 'документ' : rule === 'few' ? 'документа' : 'документов'}`;
};

/** Russian strings of `<mfc-application-form>`, loaded with it. */
export const ruApplicationForm: ApplicationFormStrings = {
  applicationLoading: 'Загружаем форму заявления…',
  applicationLoadFailed: 'Не удалось загрузить форму заявления.',
  serviceNotFoundForForm: 'Такой услуги в каталоге нет.',
  serviceClosed: 'Эта услуга сейчас не принимает заявления онлайн. Обратитесь в МФЦ.',
  signInToFill: (level) => `Чтобы заполнить заявление, войдите в личный кабинет. Нужна учётная запись: ${level}.`,
  levelTooLowToApply: (current, required) =>
    `Для этой услуги нужна учётная запись: ${required}. Ваша учётная запись — ${current}, поэтому подать заявление пока нельзя.`,
  raiseToStandard:
    'Укажите в профиле паспорт и СНИЛС: после проверки в государственных реестрах (обычно несколько минут) учётная запись станет стандартной.',
  raiseToConfirmed:
    'Подтвердите личность: приходите в любой МФЦ с паспортом и покажите код из профиля (раздел «Уровень учётной записи») — учётная запись станет подтверждённой.',
  requiredLevelName: { simplified: 'любая', standard: 'стандартная или подтверждённая', confirmed: 'подтверждённая' },
  raiseLevelLink: 'Повысить уровень учётной записи',

  stepProgress: (step, total) => `Шаг ${step} из ${total}`,
  stepsLabel: 'Шаги заявления',
  stepDone: 'заполнен',
  reviewStepTitle: 'Проверка',
  reviewLead: 'Проверьте ответы перед отправкой. Чтобы исправить ответ, нажмите «Изменить».',
  draftLead: 'Что мы знаем из профиля, уже подставлено — проверьте. Когда вы начнёте заполнять, мы будем сохранять черновик, к нему можно вернуться позже.',
  fromProfile: 'Из профиля.',
  resumedDraft: (date) => `Вы продолжаете черновик от ${date}.`,
  optionalField: 'необязательно',
  selectPlaceholder: 'Выберите',
  typeHints: {
    date: 'В формате ДД.ММ.ГГГГ, например 17.05.1990',
    phone: 'Например, +7 900 123-45-67',
    email: 'Например, ivanov@example.ru',
    passport: 'Серия — 4 цифры, номер — 6 цифр, например 45 10 123456',
    snils: '11 цифр, например 123-456-789 01',
    inn: '12 цифр',
    number: 'Только цифры',
  },

  next: 'Далее',
  previous: 'Предыдущий шаг',
  backToReview: 'Вернуться к проверке',
  submitApplication: 'Отправить заявление',
  submitting: 'Отправляем…',
  change: 'Изменить',
  changeField: (label) => `Изменить: ${label}`,
  notFilled: 'Не указано',
  yes: 'Да',
  no: 'Нет',
  documentCount: documents,
  attachedBefore: 'Приложены раньше',
  removeDocument: (name) => `Убрать: ${name}`,
  documentFallbackName: 'Документ',

  errorSummaryHeading: 'Исправьте ошибки',
  serverErrorsLead: 'Сервер не принял заявление: исправьте ответы.',

  saveUnsaved: 'Есть несохранённые изменения',
  saveSaving: 'Сохраняем черновик…',
  saveSaved: 'Черновик сохранён',
  saveQueued: 'Сохранено на устройстве — отправим, когда появится связь',
  saveFailed: (reason) => `Черновик не сохранён: ${reason} Введённое остаётся на странице.`,
  leaveWarning: 'Изменения в заявлении ещё не сохранены. Уйти со страницы?',

  submittedHeading: 'Заявление отправлено',
  trackingNumberLabel: 'Номер заявления',
  expectedDateLabel: 'Ожидаемый срок результата',
  nextStepsHeading: 'Что дальше',
  nextSteps: [
    'Ведомство проверит заявление и документы. Статус можно смотреть в разделе «Мои заявления».',
    'Если понадобятся сведения или документы, мы сообщим об этом в личном кабинете.',
    'Когда результат будет готов, его статус и документы появятся там же.',
  ],
  queuedHeading: 'Заявление будет отправлено, когда появится связь',
  queuedText:
    'Сейчас нет связи с сервером. Заявление сохранено на этом устройстве и уйдёт само, как только связь появится, — один раз. Номер заявления появится после отправки.',
  submitFailedHeading: 'Заявление не отправлено',
};
