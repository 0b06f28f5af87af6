import type { CabinetErrorCode } from './errors.js';

/** Languages the SDK and widgets ship with. */
export type Locale = 'ru' | 'en';

/** Human messages for every error code, in each built-in language. */
export const errorMessages: Record<Locale, Record<CabinetErrorCode, string>> = {
  ru: {
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
    rate_limited: 'Слишком много запросов. Подождите и попробуйте снова.',
    network: 'Нет связи с сервером. Проверьте подключение к интернету.',
    timeout: 'Сервер не ответил вовремя. Попробуйте ещё раз.',
    aborted: 'Запрос отменён.',
    server_unavailable: 'Сервис временно недоступен. Попробуйте позже.',
    invalid_response: 'Сервер прислал непонятный ответ. Попробуйте позже.',
    session_cookie_blocked:
      'Браузер не сохранил cookie сеанса. Личный кабинет должен открываться на том же сайте, что и API.',
    internal: 'Что-то пошло не так. Попробуйте позже.',
  },
  en: {
    invalid_credentials: 'Wrong login or password.',
    account_locked: 'Sign-in is temporarily locked after failed attempts.',
    otp_invalid: 'Wrong code.',
    otp_expired: 'The code has expired. Request a new one.',
    otp_attempts_exceeded: 'No code attempts left. Start again to get a new code.',
    validation_failed: 'Check the data you entered.',
    malformed_request: 'The request could not be read.',
    payload_too_large: 'The request is too large.',
    unsupported_media_type: 'Unsupported request format.',
    unauthenticated: 'Please sign in.',
    session_expired: 'Your session has ended. Please sign in again.',
    csrf_failed: 'The request was refused for security reasons. Reload the page.',
    forbidden: 'You are not allowed to do this.',
    not_found: 'Not found.',
    conflict: 'The data has changed. Reload and try again.',
    rate_limited: 'Too many requests. Wait a little and try again.',
    network: 'Cannot reach the server. Check your internet connection.',
    timeout: 'The server did not answer in time. Try again.',
    aborted: 'The request was cancelled.',
    server_unavailable: 'The service is temporarily unavailable. Try again later.',
    invalid_response: 'The server sent an unexpected answer. Try again later.',
    session_cookie_blocked:
      'The browser did not keep the session cookie. The cabinet must be served from the same site as the API.',
    internal: 'Something went wrong. Try again later.',
  },
};
