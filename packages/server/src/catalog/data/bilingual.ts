/**
 * The catalog's data in both its languages, side by side: every text a citizen reads is a
 * {@link Text} (`{ ru, en }`), and {@link serviceIn} picks one language of a service.
 * Ids, values and document kinds are the same in every language (an application and its
 * documents are checked against them), so they stay plain strings.
 */
import type { FormDefinition, FormField, FormStep, Service } from '@mfc-cabinet/core/catalog-schemas';

/** The languages of the catalog; Russian is the one a request gets unless it asks for English. */
export const languages = ['ru', 'en'] as const;
export type Language = (typeof languages)[number];

/** A text in every language of the catalog. */
export interface Text {
  ru: string;
  en: string;
}

/** Words in every language: a service's everyday names (`keywords`). */
export interface Words {
  ru: readonly string[];
  en: readonly string[];
}

export interface FieldData extends Omit<FormField, 'label' | 'hint' | 'options'> {
  label: Text;
  hint?: Text;
  options?: Array<{ value: string; label: Text }>;
}

export interface StepData extends Omit<FormStep, 'title' | 'fields'> {
  title: Text;
  fields: FieldData[];
}

export interface FormData extends Omit<FormDefinition, 'steps'> {
  steps: StepData[];
}

export interface DocumentData {
  title: Text;
  note: Text | null;
}

/** A service as the data defines it: {@link Service} with its texts in every language. */
export interface ServiceData
  extends Omit<Service, 'title' | 'summary' | 'description' | 'provider' | 'keywords' | 'requiredDocuments' | 'form'> {
  title: Text;
  summary: Text;
  description: Text;
  provider: Text;
  keywords: Words;
  requiredDocuments: DocumentData[];
  form: FormData;
}

function fieldIn(field: FieldData, language: Language): FormField {
  const { id, type, label, hint, options, ...rest } = field;
  // The keys in the order of the data's fields (`id, type, label, required, …`).
  return {
    id,
    type,
    label: label[language],
    ...rest,
    ...(hint ? { hint: hint[language] } : {}),
    ...(options ? { options: options.map((option) => ({ value: option.value, label: option.label[language] })) } : {}),
  };
}

/** The form in one language: the same steps, fields, ids and values. */
export function formIn(form: FormData, language: Language): FormDefinition {
  return { ...form, steps: form.steps.map((step) => ({ ...step, title: step.title[language], fields: step.fields.map((field) => fieldIn(field, language)) })) };
}

/** The service in one language. */
export function serviceIn(service: ServiceData, language: Language): Service {
  return {
    ...service,
    title: service.title[language],
    summary: service.summary[language],
    description: service.description[language],
    provider: service.provider[language],
    keywords: [...service.keywords[language]],
    requiredDocuments: service.requiredDocuments.map(({ title, note }) => ({ title: title[language], note: note?.[language] ?? null })),
    form: formIn(service.form, language),
  };
}
