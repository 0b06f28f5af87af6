/**
 * What the server tells the citizen about a field it refused, in Russian, once: the usual
 * message of each field by error code, and those of the consent checkbox. The reference
 * server answers schema failures with them; the fake API of the stories too.
 */

/** The stable `code`s of a field error a schema failure gives. */
export type FieldMessageCode = 'required' | 'invalid' | 'too_long';

/** What a field's errors say, by code. */
export type FieldMessages = Record<FieldMessageCode, string>;

/** The messages of a field without its own. */
export const genericFieldMessagesRu: FieldMessages = {
  required: 'Заполните это поле',
  invalid: 'Проверьте значение',
  too_long: 'Слишком длинное значение',
};

/** The messages of the fields that have their own, by the last segment of the field's path. */
export const fieldMessagesRu: Readonly<Record<string, FieldMessages>> = {
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
    invalid: 'Укажите дату в формате ДД.ММ.ГГГГ',
    too_long: 'Укажите дату в формате ДД.ММ.ГГГГ',
  },
  issuedAt: {
    required: 'Укажите дату выдачи паспорта',
    invalid: 'Укажите дату в формате ДД.ММ.ГГГГ',
    too_long: 'Укажите дату в формате ДД.ММ.ГГГГ',
  },
  series: { required: 'Введите серию паспорта', invalid: 'Серия — 4 цифры, номер — 6 цифр', too_long: 'Серия — 4 цифры, номер — 6 цифр' },
  number: { required: 'Введите номер паспорта', invalid: 'Серия — 4 цифры, номер — 6 цифр', too_long: 'Серия — 4 цифры, номер — 6 цифр' },
  issuedBy: {
    required: 'Укажите, кем выдан паспорт',
    invalid: 'Укажите, кем выдан паспорт',
    too_long: 'Не длиннее 300 символов: сокращайте, как в паспорте',
  },
  registrationAddress: {
    required: 'Укажите адрес регистрации',
    invalid: 'Укажите адрес регистрации, как в паспорте',
    too_long: 'Не длиннее 500 символов',
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
export function fieldMessageRu(name: string, code: FieldMessageCode): string {
  return (fieldMessagesRu[name] ?? genericFieldMessagesRu)[code];
}

/** The consent to the processing of personal data: not given (one error at its checkbox), or given to an old text. */
export const consentMessagesRu = {
  required: 'Необходимо согласие на обработку персональных данных',
  outdated: 'Текст согласия обновился. Прочитайте новую редакцию и подтвердите согласие ещё раз.',
} as const;
