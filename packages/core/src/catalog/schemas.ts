/**
 * The contract of the service catalog: what a citizen can apply for, the form each
 * service asks to fill, and the compact index the browser searches offline.
 */
import * as z from 'zod/mini';
import { Availability, DeliveryMethod, ServiceLevel } from './primitives.js';
import { fileKinds } from '../file-kinds.js';
import { AccountLevel } from '../primitives.js';

export * from './primitives.js';

export const Category = z.object({
  id: z.string(),
  title: z.string(),
  /** How many services the category holds. */
  count: z.number(),
});
export type Category = z.infer<typeof Category>;

export const Municipality = z.object({
  id: z.string(),
  name: z.string(),
  region: z.string(),
});
export type Municipality = z.infer<typeof Municipality>;

/** The kinds of form fields; each has validation shared by the browser and the server. */
export const FieldType = z.enum([
  'text',
  'textarea',
  'number',
  'date',
  'select',
  'checkbox',
  'phone',
  'email',
  'passport',
  'snils',
  'inn',
  'address',
  'documents',
]);
export type FieldType = z.infer<typeof FieldType>;

/** What of the profile fills a field in advance. */
export const AutofillSource = z.enum([
  'lastName',
  'firstName',
  'middleName',
  'birthDate',
  'phone',
  'email',
  'snils',
  'inn',
  'passport',
  'registrationAddress',
]);
export type AutofillSource = z.infer<typeof AutofillSource>;

/** The file types a document may have, recognised by their bytes (see `@mfc-cabinet/core/file-signatures`). */
export const FileKind = z.enum(fileKinds);
export type FileKind = z.infer<typeof FileKind>;

export const FormField = z.object({
  id: z.string(),
  type: FieldType,
  label: z.string(),
  hint: z.optional(z.string()),
  required: z.boolean(),
  /** For `select`. */
  options: z.optional(z.array(z.object({ value: z.string(), label: z.string() }))),
  autofill: z.optional(AutofillSource),
  /** For `text`/`textarea`: most characters; for `number`: range. */
  maxLength: z.optional(z.number()),
  min: z.optional(z.number()),
  max: z.optional(z.number()),
  /** For `documents`: which documents, e.g. «Скан паспорта»; the documents issue fills it with ids. */
  documentKinds: z.optional(z.array(z.string())),
  /** For `documents`: the file types accepted; PDF, JPG and PNG when absent. */
  accept: z.optional(z.array(FileKind)),
  /** For `documents`: the largest file in bytes; 5 MB when absent. */
  maxSize: z.optional(z.number()),
});
export type FormField = z.infer<typeof FormField>;

export const FormStep = z.object({
  id: z.string(),
  title: z.string(),
  fields: z.array(FormField),
});
export type FormStep = z.infer<typeof FormStep>;

/** The step-by-step form of a service. */
export const FormDefinition = z.object({
  version: z.number(),
  steps: z.array(FormStep),
});
export type FormDefinition = z.infer<typeof FormDefinition>;

export const RequiredDocument = z.object({
  title: z.string(),
  note: z.nullable(z.string()),
});

/** A service in lists and in the search index. */
export const ServiceSummary = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  categoryId: z.string(),
  level: ServiceLevel,
  /** `null` for federal and regional services offered everywhere. */
  municipalityId: z.nullable(z.string()),
  deliveryMethods: z.array(DeliveryMethod),
  /** Working days until the result. */
  termDays: z.number(),
  /** State fee in roubles; `null` when free. */
  fee: z.nullable(z.number()),
  requiredLevel: AccountLevel,
  availability: Availability,
  /** Other words people use for it (synonyms, abbreviations): «детсад», «ДДУ», «прописка». */
  keywords: z.array(z.string()),
  /** Higher is more often asked for; orders «popular first». */
  popularity: z.number(),
});
export type ServiceSummary = z.infer<typeof ServiceSummary>;

/** One service in full, with its documents and form. */
export const Service = z.object({
  ...ServiceSummary.shape,
  description: z.string(),
  requiredDocuments: z.array(RequiredDocument),
  /** Who to ask, where the result comes from. */
  provider: z.string(),
  form: FormDefinition,
});
export type Service = z.infer<typeof Service>;

/** A page of services; `nextCursor` fetches the next one. */
export const ServicePage = z.object({
  items: z.array(ServiceSummary),
  nextCursor: z.nullable(z.string()),
  total: z.number(),
});
export type ServicePage = z.infer<typeof ServicePage>;

/** Filters of the catalog, as query parameters of `GET catalog/services`. */
export const CatalogFilters = z.object({
  category: z.optional(z.string()),
  level: z.optional(ServiceLevel),
  municipality: z.optional(z.string()),
  delivery: z.optional(DeliveryMethod),
  /** At most this many working days. */
  maxTermDays: z.optional(z.number()),
  availability: z.optional(Availability),
});
export type CatalogFilters = z.infer<typeof CatalogFilters>;

/**
 * Everything the browser needs to search the whole catalog offline, in one cacheable
 * answer; `version` changes whenever the catalog does (also sent as the ETag).
 */
export const SearchIndex = z.object({
  version: z.string(),
  categories: z.array(Category),
  municipalities: z.array(Municipality),
  services: z.array(ServiceSummary),
});
export type SearchIndex = z.infer<typeof SearchIndex>;

export const CategoryList = z.object({ categories: z.array(Category), municipalities: z.array(Municipality) });
export type CategoryList = z.infer<typeof CategoryList>;

/** A saved set of filters, e.g. «Детям в Заречном». */
export const FilterPreset = z.object({
  id: z.string(),
  name: z.string(),
  filters: CatalogFilters,
  createdAt: z.string(),
});
export type FilterPreset = z.infer<typeof FilterPreset>;

/** The citizen's own catalog data: favourites, recently viewed (newest first), presets. */
export const CatalogPersonal = z.object({
  favourites: z.array(z.string()),
  recent: z.array(z.string()),
  presets: z.array(FilterPreset),
});
export type CatalogPersonal = z.infer<typeof CatalogPersonal>;

export * from './request-schemas.js';
