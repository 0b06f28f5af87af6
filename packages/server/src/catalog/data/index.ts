/**
 * The reference data of the service catalog — categories, municipalities and services —
 * as the server seeds it, in every language of the catalog. Written by hand, one module
 * per category, each text in Russian and English side by side; nothing is generated at
 * random, so every start seeds the same catalog.
 */
import type { Service } from '@mfc-cabinet/core/catalog-schemas';
import { languages, serviceIn, type Language, type ServiceData } from './bilingual.js';
import { businessServices } from './business.js';
import { categories } from './categories.js';
import { certificateServices } from './certificates.js';
import { documentServices } from './documents.js';
import { educationServices } from './education.js';
import { familyServices } from './family.js';
import { healthServices } from './health.js';
import { housingServices } from './housing.js';
import { improvementServices } from './improvement.js';
import { municipalities } from './municipalities.js';
import { socialServices } from './social.js';
import { transportServices } from './transport.js';

export { languages, type Language } from './bilingual.js';

/** The catalog in one language. */
export interface CatalogData {
  categories: ReadonlyArray<{ id: string; title: string }>;
  municipalities: ReadonlyArray<{ id: string; name: string; region: string }>;
  services: readonly Service[];
}

/** Every service, with its texts in every language. */
export const serviceData: readonly ServiceData[] = [
  ...documentServices,
  ...familyServices,
  ...educationServices,
  ...housingServices,
  ...socialServices,
  ...transportServices,
  ...businessServices,
  ...certificateServices,
  ...improvementServices,
  ...healthServices,
];

/** The catalog in `language`: the same ids, values and order in every language. */
export function catalogIn(language: Language): CatalogData {
  return {
    categories: categories.map(({ id, title }) => ({ id, title: title[language] })),
    municipalities: municipalities.map(({ id, name, region }) => ({ id, name: name[language], region: region[language] })),
    services: serviceData.map((service) => serviceIn(service, language)),
  };
}

/** The catalog in each of its languages, as the seed stores it. */
export type CatalogLanguages = Record<Language, CatalogData>;

export const catalogLanguages: CatalogLanguages = Object.fromEntries(languages.map((language) => [language, catalogIn(language)])) as CatalogLanguages;

/** The catalog in Russian, its first language. */
export const catalogData: CatalogData = catalogLanguages.ru;
