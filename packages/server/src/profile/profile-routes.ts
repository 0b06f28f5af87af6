/** The signed-in citizen's own data: reading it, and entering name, birth date and documents. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PersonalDataRequest, Profile } from '@mfc-cabinet/core/schemas';
import { toProfile } from '../accounts/accounts.js';
import type { AppContext } from '../context.js';
import { bodyProblems, problemResponses, sessionProblems } from '../http/openapi.js';
import { latestDateInRussia } from '../profile/dates.js';
import { readPersonalData } from '../profile/personal-data.js';

const tags = ['profile'];

export const profileRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  const { guard, clock, registryChecks } = context;

  app.get(
    '/profile',
    {
      schema: {
        operationId: 'getProfile',
        tags,
        summary: "The signed-in citizen's profile",
        security: [{ session: [] }],
        response: { 200: Profile, ...problemResponses('unauthenticated', 'session_expired', 'rate_limited') },
      },
    },
    async (request, reply) => {
      const { account } = await guard.require(request, reply);
      return toProfile(account);
    },
  );

  app.put(
    '/profile/personal-data',
    {
      onRequest: guard.signedIn,
      schema: {
        operationId: 'updatePersonalData',
        tags,
        summary: 'Enter or change name, birth date, passport, СНИЛС and ИНН',
        description:
          'Answers the profile with `registryCheck.status` `pending`; the check against the state registries follows and, when `verified`, raises the account to «standard». Changing the data of a «standard» account makes it «simplified» until the new data are checked; «confirmed» stays.',
        security: [{ session: [], csrf: [] }],
        body: PersonalDataRequest,
        response: { 200: Profile, ...problemResponses(...sessionProblems, ...bodyProblems) },
      },
    },
    async (request) => {
      const { account } = guard.citizenOf(request);
      const data = readPersonalData(request.body, latestDateInRussia(clock.now()));
      return toProfile(await registryChecks.submit(account, data, request.ip));
    },
  );
};
