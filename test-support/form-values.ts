/**
 * Right values for every field of a service's form, for tests in Node and in the browser.
 * Pure: no DOM, no Node APIs.
 */
import type { FormDefinition } from '../packages/core/src/catalog-schemas.js';
import type { FormValues } from '../packages/core/src/forms.js';

const samples: Record<string, string | boolean> = {
  text: 'Иванов',
  textarea: 'Комментарий',
  date: '1990-05-17',
  phone: '+79161234567',
  email: 'ivanov@example.ru',
  passport: '4510 123456',
  snils: '112-233-445 95',
  inn: '500100732259',
  address: 'г. Заречный, ул. Ленина, 1',
  checkbox: true,
};

/** A right value of every field; `documents` fields get `documents` (left out when not given). */
export function completeValues(form: FormDefinition, documents?: string[]): FormValues {
  const values: FormValues = {};
  for (const field of form.steps.flatMap((step) => step.fields)) {
    if (field.type === 'select') values[field.id] = field.options![0]!.value;
    else if (field.type === 'number') values[field.id] = String(field.min ?? 1);
    else if (field.type === 'documents') {
      if (documents) values[field.id] = documents;
    } else values[field.id] = samples[field.type]!;
  }
  return values;
}
