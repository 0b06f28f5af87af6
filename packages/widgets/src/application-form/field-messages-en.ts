import type { FormField } from '@mfc-cabinet/core';
import { lowerFirst } from '@mfc-cabinet/core/forms';
import type { FieldMessage } from '../base/form-field.js';

/** What is wrong with a value of each type that has a format. */
const invalid: Partial<Record<FormField['type'], string>> = {
  date: 'Enter a real date as DD.MM.YYYY',
  phone: 'Enter a mobile phone number: +7 and 10 digits',
  email: 'Check the email address, for example ivanov@example.ru',
  passport: 'Passport: the series is 4 digits, the number 6 digits',
  snils: 'The SNILS has a mistake: check the digits',
  inn: 'The INN has a mistake: check its 12 digits',
  number: 'Enter a number',
  checkbox: 'Tick the box or clear it',
  documents: 'Attach the documents again',
  select: 'Choose one of the options in the list',
};

/**
 * The errors of `@mfc-cabinet/core/forms` (written in Russian, shared with the server) in
 * English, from their code and field. A code it does not know keeps the Russian message.
 */
export const englishFieldMessage: FieldMessage = (field, { code, message }) => {
  const label = lowerFirst(field.label);
  const limit = /\d+/.exec(message)?.[0];
  switch (code) {
    case 'required':
      if (field.type === 'checkbox') return `Tick “${field.label}”`;
      if (field.type === 'select') return `Choose ${label}`;
      return field.type === 'documents' ? `Attach ${label}` : `Enter ${label}`;
    case 'invalid':
    case 'unknown_option':
      return invalid[field.type] ?? 'Check the value';
    case 'too_long':
      return field.type === 'documents' ? `At most ${limit} documents` : `At most ${limit} characters`;
    case 'out_of_range':
      return `Enter a number from ${field.min ?? '…'} to ${field.max ?? '…'}`;
    default:
      return message;
  }
};
