/**
 * What only demo and test modes have: the dev outbox page (codes a real deployment would
 * send), and in test mode the endpoints that move the clock and create accounts.
 */
import { ManualClock } from '../clock.js';
import type { ServerFeature } from '../feature.js';
import { devRoutes } from './outbox-routes.js';
import { testModeRoutes } from './test-mode-routes.js';

export const devFeature: ServerFeature = {
  name: 'dev',
  async routes(api, { config, clock, context }) {
    if (clock instanceof ManualClock && config.mode === 'test') await api.register(testModeRoutes, { context, clock });
  },
  async pages(app, { outbox }) {
    if (outbox) await app.register(devRoutes, { outbox });
  },
};
