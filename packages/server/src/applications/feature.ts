/** Applications for services: drafts, submission, the lifecycle, exports, and the operator's side of them. */
import type { ServerFeature } from '../feature.js';
import { Applications } from './applications.js';
import { applicationRoutes } from './applications-routes.js';
import { applicationExportRoutes } from './export-routes.js';
import { applicationsMigrations } from './migrations.js';
import { operatorApplicationRoutes } from './operator-routes.js';
import type { ApplicationTables } from './tables.js';

export interface ApplicationServices {
  applications: Applications;
}

export const applicationsFeature: ServerFeature<ApplicationTables, ApplicationServices> = {
  name: 'applications',
  tags: [{ name: 'applications', description: 'Applications for services: drafts, submission, the lifecycle, exports.' }],
  migrations: applicationsMigrations,
  services: ({ config, db, clock, catalog, audit }) => ({
    applications: new Applications({ db, clock, catalog, audit, maxOpenDrafts: config.limits.openDrafts }),
  }),
  async routes(api, { context }) {
    // The exports first: their paths would otherwise read as an application's id.
    await api.register(applicationExportRoutes, { context });
    await api.register(applicationRoutes, { context });
    await api.register(operatorApplicationRoutes, { context });
  },
};
