import type { ApplicationStatus } from './applications/schemas.js';
import type { CabinetErrorCode } from './errors.js';

/** Languages the SDK and widgets ship with. */
export type Locale = 'ru' | 'en';

/** A human message for every error code. */
export type ErrorMessages = Record<CabinetErrorCode, string>;

/** Russian messages of every error code: the default language, always loaded. */
export const errorMessagesRu: ErrorMessages = {
  invalid_credentials: 'Неверный логин или пароль.',
  account_locked: 'Вход временно заблокирован из-за неудачных попыток.',
  otp_invalid: 'Неверный код.',
  otp_expired: 'Срок действия кода истёк. Запросите новый код.',
  otp_attempts_exceeded: 'Попытки ввода кода закончились. Начните заново и получите новый код.',
  validation_failed: 'Проверьте введённые данные.',
  malformed_request: 'Запрос не удалось прочитать.',
  payload_too_large: 'Слишком большой запрос.',
  unsupported_media_type: 'Неподдерживаемый формат запроса.',
  unauthenticated: 'Войдите в личный кабинет.',
  session_expired: 'Сеанс завершён. Войдите снова.',
  csrf_failed: 'Запрос отклонён из соображений безопасности. Обновите страницу.',
  forbidden: 'Недостаточно прав для этого действия.',
  not_found: 'Не найдено.',
  conflict: 'Данные изменились. Обновите страницу и попробуйте снова.',
  file_too_large: 'Файл слишком большой.',
  file_type_not_allowed: 'Файл этого типа здесь не подходит.',
  upload_expired: 'Загрузка устарела. Загрузите файл заново.',
  limit_reached: 'Достигнут предел для одной учётной записи. Удалите ненужное и попробуйте снова.',
  rate_limited: 'Слишком много запросов. Подождите и попробуйте снова.',
  network: 'Нет связи с сервером. Проверьте подключение к интернету.',
  timeout: 'Сервер не ответил вовремя. Попробуйте ещё раз.',
  aborted: 'Запрос отменён.',
  server_unavailable: 'Сервис временно недоступен. Попробуйте позже.',
  invalid_response: 'Сервер прислал непонятный ответ. Попробуйте позже.',
  session_cookie_blocked:
    'Браузер не сохранил cookie сеанса. Личный кабинет должен открываться на том же сайте, что и API.',
  internal: 'Что-то пошло не так. Попробуйте позже.',
};

/** The messages of a language: Russian at once, English loaded when first asked for. */
export function loadErrorMessages(locale: Locale): Promise<ErrorMessages> {
  return locale === 'en' ? import('./messages-en.js').then((module) => module.errorMessagesEn) : Promise.resolve(errorMessagesRu);
}

/** The name of each status of an application, as the cabinet shows it and the server writes it in exports. */
export const applicationStatusNamesRu: Readonly<Record<ApplicationStatus, string>> = {
  draft: 'Черновик',
  submitted: 'Подано',
  in_review: 'На рассмотрении',
  needs_info: 'Нужны сведения',
  approved: 'Одобрено',
  ready_for_issue: 'Готово к выдаче',
  completed: 'Завершено',
  rejected: 'Отказано',
  withdrawn: 'Отозвано',
};
