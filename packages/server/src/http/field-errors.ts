/**
 * Schema failures as per-field errors with Russian messages written for the citizen, not
 * zod's English ones. `field` is the dotted path of the value ('' for the whole body).
 * A few values have one error of their own whatever went wrong (the consent checkbox), and
 * a route may word the messages of its own fields (`config.fieldMessages`).
 */
import type { FastifySchemaValidationError } from 'fastify';
import type { FieldError } from '@mfc-cabinet/core/errors';

/** The stable `code` of a field error. */
type FieldErrorCode = 'required' | 'invalid' | 'too_long' | 'unknown_field';

/** What a field's errors say, by code. */
export type FieldMessages = Record<Exclude<FieldErrorCode, 'unknown_field'>, string>;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Messages of this route's fields, by the last segment of their path, instead of the usual ones. */
    fieldMessages?: Record<string, FieldMessages>;
  }
}

const generic: FieldMessages = {
  required: 'Заполните это поле',
  invalid: 'Проверьте значение',
  too_long: 'Слишком длинное значение',
};

const byField: Record<string, FieldMessages> = {
  identifier: {
    required: 'Введите телефон, почту или СНИЛС',
    invalid: 'Введите телефон, почту или СНИЛС',
    too_long: 'Логин не может быть длиннее 254 символов',
  },
  password: {
    required: 'Введите пароль',
    invalid: 'Введите пароль',
    too_long: 'Пароль не может быть длиннее 128 символов',
  },
  code: {
    required: 'Введите код из сообщения',
    invalid: 'Код — 6 цифр',
    too_long: 'Код — 6 цифр',
  },
  challengeId: {
    required: 'Начните заново и получите новый код',
    invalid: 'Начните заново и получите новый код',
    too_long: 'Начните заново и получите новый код',
  },
  resetToken: {
    required: 'Начните восстановление пароля заново',
    invalid: 'Начните восстановление пароля заново',
    too_long: 'Начните восстановление пароля заново',
  },
  phone: {
    required: 'Введите номер мобильного телефона',
    invalid: 'Введите номер мобильного телефона: +7 и 10 цифр',
    too_long: 'Введите номер мобильного телефона: +7 и 10 цифр',
  },
  email: {
    required: 'Введите адрес электронной почты',
    invalid: 'Проверьте адрес электронной почты, например ivanov@example.ru',
    too_long: 'Адрес почты не может быть длиннее 254 символов',
  },
  lastName: { required: 'Введите фамилию', invalid: 'Введите фамилию', too_long: 'Фамилия не может быть длиннее 100 символов' },
  firstName: { required: 'Введите имя', invalid: 'Введите имя', too_long: 'Имя не может быть длиннее 100 символов' },
  middleName: { required: 'Введите отчество', invalid: 'Проверьте отчество', too_long: 'Отчество не может быть длиннее 100 символов' },
  birthDate: {
    required: 'Укажите дату рождения',
    invalid: 'Укажите дату в формате ГГГГ-ММ-ДД',
    too_long: 'Укажите дату в формате ГГГГ-ММ-ДД',
  },
  issuedAt: {
    required: 'Укажите дату выдачи паспорта',
    invalid: 'Укажите дату в формате ГГГГ-ММ-ДД',
    too_long: 'Укажите дату в формате ГГГГ-ММ-ДД',
  },
  series: { required: 'Введите серию паспорта', invalid: 'Серия — 4 цифры, номер — 6 цифр', too_long: 'Серия — 4 цифры, номер — 6 цифр' },
  number: { required: 'Введите номер паспорта', invalid: 'Серия — 4 цифры, номер — 6 цифр', too_long: 'Серия — 4 цифры, номер — 6 цифр' },
  issuedBy: {
    required: 'Укажите, кем выдан паспорт',
    invalid: 'Укажите, кем выдан паспорт',
    too_long: 'Не длиннее 300 символов: сокращайте, как в паспорте',
  },
  snils: { required: 'Введите СНИЛС', invalid: 'СНИЛС указан с ошибкой: проверьте цифры', too_long: 'СНИЛС — 11 цифр' },
  inn: { required: 'Введите ИНН', invalid: 'ИНН указан с ошибкой: 12 цифр, проверьте их', too_long: 'ИНН — 12 цифр' },
  changeToken: {
    required: 'Войдите с временным паролем заново',
    invalid: 'Войдите с временным паролем заново',
    too_long: 'Войдите с временным паролем заново',
  },
  passportChecked: {
    required: 'Подтвердите, что проверили паспорт гражданина',
    invalid: 'Подтвердите, что проверили паспорт гражданина',
    too_long: 'Подтвердите, что проверили паспорт гражданина',
  },
};

/** The usual message of an error of the field named `name` (the last segment of its path). */
export function fieldMessage(name: string, code: Exclude<FieldErrorCode, 'unknown_field'>): string {
  return (byField[name] ?? generic)[code];
}

/** The consent to the processing of personal data: one error at its checkbox, whatever is missing. */
const consentRequired: FieldError = {
  field: 'consent.accepted',
  code: 'consent_required',
  message: 'Необходимо согласие на обработку персональных данных',
};

/** Values whose every failure is one error of their own, by the dotted path of the value. */
const byPath: Record<string, FieldError> = {
  consent: consentRequired,
  'consent.accepted': consentRequired,
};

function valueAt(input: unknown, path: readonly string[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/**
 * One error per field, in the order of the issues.
 *
 * @param issues the `validation` of Fastify's error (zod issues, as fastify-type-provider-zod reports them)
 * @param input the value that was validated, to tell a missing field from a wrong one
 * @param ownMessages the route's own messages of some fields, by the last segment of their path
 */
export function toFieldErrors(
  issues: readonly FastifySchemaValidationError[],
  input: unknown,
  ownMessages: Record<string, FieldMessages> = {},
): FieldError[] {
  const errors = new Map<string, FieldError>();
  for (const issue of issues) {
    const path = issue.instancePath.split('/').filter((segment) => segment !== '');
    if (issue.keyword === 'unrecognized_keys') {
      const keys = (issue.params as { keys?: unknown }).keys;
      for (const key of Array.isArray(keys) ? keys.map(String) : []) {
        const field = [...path, key].join('.');
        errors.set(field, { field, code: 'unknown_field', message: `Поле «${field}» не предусмотрено` });
      }
      continue;
    }
    const field = path.join('.');
    const own = byPath[field];
    if (own) {
      errors.set(own.field, own);
      continue;
    }
    if (errors.has(field)) continue;
    const code: FieldErrorCode =
      valueAt(input, path) === undefined ? 'required' : issue.keyword === 'too_big' ? 'too_long' : 'invalid';
    const name = path.at(-1) ?? '';
    const messages = ownMessages[name] ?? byField[name] ?? generic;
    errors.set(field, { field, code, message: path.length === 0 ? 'Запрос должен быть объектом JSON' : messages[code] });
  }
  return [...errors.values()];
}
