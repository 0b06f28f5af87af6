/** The consent to the processing of personal data (152-ФЗ): its text, and the records of consents given. */
import type { ServerFeature } from '../feature.js';
import { ConsentRecords } from './consent-records.js';
import { consentRoutes } from './consent-routes.js';
import { consentRetention } from './retention.js';
import type { ConsentTables } from './tables.js';

export interface ConsentServices {
  consents: ConsentRecords;
}

export const consentFeature: ServerFeature<ConsentTables, ConsentServices> = {
  name: 'consent',
  retention: consentRetention,
  services: ({ db }) => ({ consents: new ConsentRecords(db) }),
  // Its table is created by migration 0002_registration_and_recovery (the auth feature's).
  async routes(api) {
    await api.register(consentRoutes);
  },
};
