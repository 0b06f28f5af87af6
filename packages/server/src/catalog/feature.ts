/** The public service catalog, and the citizen's favourites, recent services and filter presets. */
import type { ServerFeature } from '../feature.js';
import { Catalog } from './catalog.js';
import { seedCatalog } from './catalog-seed.js';
import { catalogLanguages } from './data/index.js';
import { FilterPresets } from './filter-presets.js';
import { PersonalCatalog } from './personal-catalog.js';
import { catalogRetention } from './retention.js';
import { ServiceLists } from './service-lists.js';
import { catalogRoutes } from './catalog-routes.js';
import { catalogMigrations } from './migrations.js';
import { catalogPersonalRoutes } from './personal-routes.js';
import type { CatalogTables } from './tables.js';

export interface CatalogServices {
  catalog: Catalog;
  personalCatalog: PersonalCatalog;
}

export const catalogFeature: ServerFeature<CatalogTables, CatalogServices> = {
  name: 'catalog',
  retention: catalogRetention,
  tags: [{ name: 'catalog', description: 'The public service catalog, and the citizen’s favourites, recent services and filter presets.' }],
  migrations: catalogMigrations,
  services({ clock, db, writes }) {
    const catalog = new Catalog(db, writes);
    return { catalog, personalCatalog: new PersonalCatalog(catalog, new ServiceLists(db, clock), new FilterPresets(db, clock)) };
  },
  // The catalog is reference data, not demo data: every mode has it.
  start: async (_app, { db }) => seedCatalog(db, catalogLanguages),
  async routes(api, { context }) {
    await api.register(catalogRoutes, { context });
    await api.register(catalogPersonalRoutes, { context });
  },
};
