/** The citizen's data to download, as JSON and PDF: the profile, the applications, the documents. */
import type { ServerFeature } from '../feature.js';
import { dataExportRoutes } from './export-routes.js';

export const dataExportFeature: ServerFeature = {
  name: 'data-export',
  async routes(api, { context }) {
    await api.register(dataExportRoutes, { context });
  },
};
