/**
 * The features the server is made of, in order: `app.ts` builds their services (a feature
 * may use the services of those before it) and registers their routes and OpenAPI tags in
 * this order, `db/migrations.ts` applies their migrations (by name), `db/database.ts` and
 * `context.ts` type the database and the services from them. A new feature is a folder
 * under `src/` with its `feature.ts`, and one line here.
 */
import { accountClosureFeature } from './account-closure/feature.js';
import { accountsFeature } from './accounts/feature.js';
import { applicationsFeature } from './applications/feature.js';
import { authFeature } from './auth/feature.js';
import { catalogFeature } from './catalog/feature.js';
import { dataExportFeature } from './data-export/feature.js';
import { consentFeature } from './consent/feature.js';
import { devFeature } from './dev/feature.js';
import { documentsFeature } from './documents/feature.js';
import { healthFeature } from './health/feature.js';
import { jobsFeature } from './jobs/feature.js';
import { operatorFeature } from './operator/feature.js';
import { profileFeature } from './profile/feature.js';
import { securityFeature } from './security/feature.js';

export const features = [
  healthFeature,
  jobsFeature,
  accountsFeature,
  securityFeature,
  consentFeature,
  profileFeature,
  authFeature,
  operatorFeature,
  catalogFeature,
  applicationsFeature,
  documentsFeature,
  dataExportFeature,
  accountClosureFeature,
  devFeature,
] as const;
