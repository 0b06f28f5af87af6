/** The signed-in citizen's own data. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Profile } from '@mfc-cabinet/core/schemas';
import { toProfile } from '../accounts/accounts.js';
import type { AppContext } from '../context.js';
import { problemResponses } from '../http/openapi.js';

export const profileRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  app.get(
    '/profile',
    {
      schema: {
        tags: ['profile'],
        summary: "The signed-in citizen's profile",
        security: [{ session: [] }],
        response: { 200: Profile, ...problemResponses('unauthenticated', 'session_expired', 'rate_limited') },
      },
    },
    async (request, reply) => {
      const { account } = await context.guard.require(request, reply);
      return toProfile(account);
    },
  );
};
