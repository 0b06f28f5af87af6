/** The consent to the processing of personal data (152-ФЗ): its text, and the records of consents given. */
import { defineFeature } from '../feature.js';
import { consentRoutes } from './consent-routes.js';
import type { ConsentTables } from './tables.js';

export const consentFeature = defineFeature<ConsentTables>({
  name: 'consent',
  // Its table is created by migration 0002_registration_and_recovery (the auth feature's).
  async routes(api) {
    await api.register(consentRoutes);
  },
});
