/** Whether the server is up, for load balancers and the start script. */
import type { ServerFeature } from '../feature.js';
import { healthRoutes } from './health-routes.js';

export const healthFeature: ServerFeature = {
  name: 'health',
  tags: [{ name: 'health', description: 'Whether the server is up.' }],
  async routes(api) {
    await api.register(healthRoutes);
  },
};
