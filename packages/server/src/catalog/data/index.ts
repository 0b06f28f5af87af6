/**
 * The reference data of the service catalog — categories, municipalities and services —
 * as the server seeds it. Written by hand, one module per category; nothing is generated
 * at random, so every start seeds the same catalog.
 */
import type { Service } from '@mfc-cabinet/core/catalog-schemas';
import { businessServices } from './business.js';
import { categories, type CategoryData } from './categories.js';
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

export interface CatalogData {
  categories: readonly CategoryData[];
  municipalities: ReadonlyArray<{ id: string; name: string; region: string }>;
  services: readonly Service[];
}

export const catalogData: CatalogData = {
  categories,
  municipalities: municipalities.map(({ id, name, region }) => ({ id, name, region })),
  services: [
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
  ],
};
