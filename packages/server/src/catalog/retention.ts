/** The catalog feature's tables at the closure of an account (see `../retention.ts`). */
import type { RetentionOf } from '../retention.js';
import type { CatalogTables } from './tables.js';

const reference = { fate: 'none', why: 'the catalog of services, the same for every citizen' } as const;

export const catalogRetention: RetentionOf<CatalogTables> = {
  catalogCategories: reference,
  municipalities: reference,
  services: reference,
  serviceDeliveryMethods: reference,
  personalServiceLists: { fate: 'deleted', what: 'the citizen’s lists of services (favourites, recently viewed)' },
  filterPresets: { fate: 'deleted', what: 'the citizen’s saved sets of catalog filters' },
};
