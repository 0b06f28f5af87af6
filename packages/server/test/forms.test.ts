import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { FormDefinition, FormField } from '@mfc-cabinet/core/catalog-schemas';
import { autofillValues, documentIds, validateValues, type FormValue } from '@mfc-cabinet/core/forms';

const field = (type: FormField['type'], id: string, label: string, extra: Partial<FormField> = {}): FormField => ({ id, type, label, required: true, ...extra });

const form: FormDefinition = {
  version: 1,
  steps: [
    {
      id: 'applicant',
      title: 'Заявитель',
      fields: [
        field('text', 'lastName', 'Фамилия', { maxLength: 10, autofill: 'lastName' }),
        field('date', 'birthDate', 'Дата рождения', { autofill: 'birthDate' }),
        field('phone', 'phone', 'Мобильный телефон', { autofill: 'phone' }),
        field('email', 'email', 'Электронная почта', { required: false, autofill: 'email' }),
        field('passport', 'passport', 'Паспорт гражданина РФ', { autofill: 'passport' }),
        field('snils', 'snils', 'СНИЛС', { autofill: 'snils' }),
        field('inn', 'inn', 'ИНН', { autofill: 'inn' }),
      ],
    },
    {
      id: 'details',
      title: 'Сведения',
      fields: [
        field('address', 'homeAddress', 'Адрес'),
        field('number', 'year', 'Год', { min: 2000, max: 2100 }),
        field('select', 'kind', 'Какая выписка', { options: [{ value: 'current', label: 'Текущая' }] }),
        field('textarea', 'note', 'Комментарий', { required: false }),
        field('documents', 'documents', 'Сканы документов'),
        field('checkbox', 'accuracy', 'Подтверждаю, что сведения достоверны'),
      ],
    },
  ],
};

const good: Record<string, FormValue> = {
  lastName: 'Иванов',
  birthDate: '1990-05-17',
  phone: '8 (916) 123-45-67',
  email: 'ivanov@example.ru',
  passport: '45 10 123456',
  snils: '112-233-445 95',
  inn: '500100732259',
  homeAddress: 'г. Заречный, ул. Ленина, 1',
  year: '2025',
  kind: 'current',
  documents: ['doc-1', 'doc-2'],
  accuracy: true,
};

const errorOf = (values: Record<string, FormValue>, partial = false) => validateValues(form, values, { partial }).map(({ field, code }) => `${field}:${code}`);

describe('validateValues, shared by the browser and the server', () => {
  test('a complete, right form has no errors', () => {
    assert.deepEqual(validateValues(form, good), []);
  });

  test('submitting requires every required field, with messages a citizen understands', () => {
    const errors = validateValues(form, {});
    assert.deepEqual(
      errors.map(({ field }) => field),
      ['lastName', 'birthDate', 'phone', 'passport', 'snils', 'inn', 'homeAddress', 'year', 'kind', 'documents', 'accuracy'],
    );
    assert.ok(errors.every(({ code }) => code === 'required'));
    const message = (id: string) => errors.find(({ field }) => field === id)?.message;
    assert.equal(message('birthDate'), 'Укажите дату рождения');
    assert.equal(message('snils'), 'Укажите СНИЛС');
    assert.equal(message('kind'), 'Выберите: какая выписка');
    assert.equal(message('accuracy'), 'Отметьте: «Подтверждаю, что сведения достоверны»');
    assert.deepEqual(errorOf({ ...good, accuracy: false }), ['accuracy:required']);
  });

  test('a draft checks only what is filled in', () => {
    assert.deepEqual(errorOf({}, true), []);
    assert.deepEqual(errorOf({ snils: '112-233-445 96' }, true), ['snils:invalid']);
  });

  test('each type refuses a wrong value with its own code and message', () => {
    const cases: Array<[string, FormValue, string, RegExp?]> = [
      ['lastName', 'Иванов-Петров', 'too_long', /Не длиннее 10/],
      ['birthDate', '1990-02-30', 'invalid', /ДД\.ММ\.ГГГГ/],
      ['phone', '12345', 'invalid', /\+7 и 10 цифр/],
      ['email', 'ivanov@', 'invalid', /электронной почты/],
      ['passport', '45 10 12345', 'invalid', /^Паспорт: серия — 4 цифры, номер — 6 цифр$/],
      ['snils', '112-233-445 96', 'invalid', /^СНИЛС указан с ошибкой: проверьте цифры$/],
      ['inn', '500100732258', 'invalid', /ИНН указан с ошибкой/],
      ['homeAddress', 'а'.repeat(501), 'too_long'],
      ['year', '1999', 'out_of_range', /от 2000 до 2100/],
      ['year', 'две тысячи', 'invalid'],
      ['kind', 'archive', 'unknown_option'],
      ['documents', 'doc-1', 'invalid'],
      ['documents', [''], 'invalid'],
      ['accuracy', 'да', 'invalid'],
      ['lastName', true, 'invalid'],
    ];
    for (const [id, value, code, message] of cases) {
      const errors = validateValues(form, { ...good, [id]: value });
      assert.deepEqual(errors.map((error) => `${error.field}:${error.code}`), [`${id}:${code}`], `${id} = ${JSON.stringify(value)}`);
      assert.match(errors[0]!.message, /[а-яё]/i);
      if (message) assert.match(errors[0]!.message, message);
    }
  });

  test('values of fields the form does not have are refused', () => {
    assert.deepEqual(errorOf({ ...good, salary: '100' }), ['salary:unknown_field']);
  });
});

describe('autofillValues and documentIds', () => {
  test('fill the fields that say what of the profile fills them', () => {
    const values = autofillValues(form, {
      lastName: 'Иванов',
      birthDate: '1990-05-17',
      phone: '+79000000001',
      email: null,
      snils: '112-233-445 95',
      inn: null,
      passport: { series: '4510', number: '123456' },
    });
    assert.deepEqual(values, { lastName: 'Иванов', birthDate: '1990-05-17', phone: '+79000000001', passport: '4510 123456', snils: '112-233-445 95' });
    assert.deepEqual(validateValues(form, values, { partial: true }), []);
  });

  test('documentIds lists the documents of every documents field', () => {
    assert.deepEqual(documentIds(form, good), ['doc-1', 'doc-2']);
  });
});
