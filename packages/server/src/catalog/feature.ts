/** The public service catalog, and the citizen's favourites, recent services and filter presets. */
import { defineFeature } from '../feature.js';
import { catalogRoutes } from './catalog-routes.js';
import { catalogMigrations } from './migrations.js';
import { catalogPersonalRoutes } from './personal-routes.js';
import type { CatalogTables } from './tables.js';

export const catalogFeature = defineFeature<CatalogTables>({
  name: 'catalog',
  tags: [{ name: 'catalog', description: 'The public service catalog, and the citizen’s favourites, recent services and filter presets.' }],
  migrations: catalogMigrations,
  async routes(api, { context }) {
    await api.register(catalogRoutes, { context });
    await api.register(catalogPersonalRoutes, { context });
  },
});
