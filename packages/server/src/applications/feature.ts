/** Applications for services: drafts, submission, the lifecycle, exports, and the operator's side of them. */
import type { ServerFeature } from '../feature.js';
import { Applications } from './applications.js';
import { applicationRoutes } from './applications-routes.js';
import { applicationExportRoutes } from './export-routes.js';
import { applicationsMigrations } from './migrations.js';
import { operatorApplicationRoutes } from './operator-routes.js';
import { PdfExports } from './pdf-exports.js';
import { applicationsRetention } from './retention.js';
import type { ApplicationTables } from './tables.js';

export interface ApplicationServices {
  applications: Applications;
  /** The PDF export: in worker threads, one at a time per account, kept while the applications do not change. */
  pdfExports: PdfExports;
}

export const applicationsFeature: ServerFeature<ApplicationTables, ApplicationServices> = {
  name: 'applications',
  retention: applicationsRetention,
  tags: [{ name: 'applications', description: 'Applications for services: drafts, submission, the lifecycle, exports.' }],
  migrations: applicationsMigrations,
  services: ({ config, db, clock, log, hooks, catalog, audit }) => {
    const applications = new Applications({ db, clock, catalog, audit, maxOpenDrafts: config.limits.openDrafts });
    const pdfExports = new PdfExports({ applications, clock, log, timeoutMs: config.pdfExportTimeoutMs, timeZone: config.timeZone, hooks: hooks.pdfExport });
    return { applications, pdfExports };
  },
  start(app, { pdfExports }) {
    // The worker threads end with the server.
    app.addHook('onClose', () => pdfExports.close());
  },
  async routes(api, { context }) {
    // The exports first: their paths would otherwise read as an application's id.
    await api.register(applicationExportRoutes, { context });
    await api.register(applicationRoutes, { context });
    await api.register(operatorApplicationRoutes, { context });
  },
};
