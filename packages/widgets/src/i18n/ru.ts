import { errorMessagesRu } from '@mfc-cabinet/core';
import type { CommonStrings } from './translation.js';

const plural = (count: number, one: string, few: string, many: string): string => {
  const rule = new Intl.PluralRules('ru').select(count);
  return rule === 'one' ? one : rule === 'few' ? few : many;
};

/** Russian, the default language of the widgets: the strings every page needs. */
export const ru: CommonStrings = {
  locale: 'ru',
  errors: errorMessagesRu,
  accountLevel: {
    simplified: 'упрощённая',
    standard: 'стандартная',
    confirmed: 'подтверждённая',
  },

  loginHeading: 'Вход в личный кабинет',
  identifierLabel: 'Телефон, почта или СНИЛС',
  identifierHint: 'Например, +7 900 123-45-67, ivanov@mail.ru или 123-456-789 01',
  identifierRequired: 'Введите телефон, почту или СНИЛС',
  identifierInvalid: 'Проверьте номер телефона, почту или СНИЛС — в них ошибка',
  passwordLabel: 'Пароль',
  passwordRequired: 'Введите пароль',
  showPassword: 'Показать пароль',
  hidePassword: 'Скрыть пароль',
  signIn: 'Войти',
  signingIn: 'Входим…',
  checkingSession: 'Проверяем, выполнен ли вход…',
  attemptsLeft: (count) =>
    `${plural(count, 'Осталась', 'Осталось', 'Осталось')} ${count} ${plural(count, 'попытка', 'попытки', 'попыток')}, затем вход будет временно заблокирован.`,
  lockedHeading: 'Вход временно заблокирован',
  lockedFor: (duration) =>
    `Слишком много неудачных попыток входа. Попробуйте снова через ${duration}.`,
  lockedOver: 'Можно попробовать войти снова.',

  codeHeading: 'Подтвердите вход',
  codeSent: (channel, destination) =>
    channel === 'sms' ? `Мы отправили код в SMS на номер ${destination}.` : `Мы отправили код на почту ${destination}.`,
  codeLabel: 'Код подтверждения',
  codeHint: '6 цифр',
  codeRequired: 'Введите код — 6 цифр',
  codeInvalid: (attemptsLeft) =>
    `Неверный код. ${plural(attemptsLeft, 'Осталась', 'Осталось', 'Осталось')} ${attemptsLeft} ${plural(attemptsLeft, 'попытка', 'попытки', 'попыток')}.`,
  confirm: 'Подтвердить',
  confirming: 'Проверяем код…',
  resendIn: (duration) => `Новый код можно получить через ${duration}`,
  resendCode: 'Получить новый код',
  resendingCode: 'Отправляем код…',
  codeResent: 'Новый код отправлен.',
  rateLimitedFor: (duration) => `Слишком много запросов. Попробуйте снова через ${duration}.`,
  changeLogin: 'Изменить логин или пароль',
  startOver: 'Начать вход заново',

  accountHeading: 'Личный кабинет',
  signedInAs: (name) => `Вы вошли как ${name}`,
  accountLevelLabel: 'Учётная запись',
  signOut: 'Выйти',
  signingOut: 'Выходим…',
  unsentWarning: (count) =>
    `${count} ${plural(count, 'изменение ещё не отправлено', 'изменения ещё не отправлены', 'изменений ещё не отправлено')} на сервер: нет связи. Если выйти сейчас, ${plural(count, 'оно будет удалено', 'они будут удалены', 'они будут удалены')} с этого устройства.`,
  signOutAnyway: 'Всё равно выйти',
  cabinetBack: 'Назад',
  signedOutOtherTab: 'Вы вышли из личного кабинета в другой вкладке.',
  sessionExpired: 'Сеанс завершён из-за бездействия. Войдите снова.',
  retry: 'Повторить',
  errorHeading: 'Не получилось',
  forgotPassword: 'Забыли пароль?',
  register: 'Зарегистрироваться',
  passwordChanged: 'Пароль изменён. Войдите с новым паролем.',
  security: 'Безопасность',
  sessionWarningHeading: 'Вы ещё здесь?',
  sessionWarningText: (duration) =>
    `Из-за бездействия сеанс завершится через ${duration}. Несохранённые данные форм останутся на этой странице.`,
  staySignedIn: 'Остаться в кабинете',
  signOutNow: 'Выйти',

};
