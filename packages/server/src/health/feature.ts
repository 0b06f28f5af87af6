/** Whether the server is up, for load balancers and the start script. */
import { defineFeature } from '../feature.js';
import { healthRoutes } from './health-routes.js';

export const healthFeature = defineFeature({
  name: 'health',
  tags: [{ name: 'health', description: 'Whether the server is up.' }],
  async routes(api) {
    await api.register(healthRoutes);
  },
});
