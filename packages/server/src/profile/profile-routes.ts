/** The signed-in citizen's own data: reading it, and entering name, birth date and documents. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PersonalDataRequest, Profile } from '@mfc-cabinet/core/schemas';
import { toProfile } from '../accounts/accounts.js';
import type { AppContext } from '../context.js';
import { bodyProblems, problemResponses, sessionProblems } from '../http/openapi.js';
import { latestDateInRussia } from '../profile/dates.js';
import { readPersonalData } from '../profile/personal-data.js';
import { originOf } from './account-routes.js';
import { personalDataChanges } from './changes.js';

const tags = ['profile'];

export const profileRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  const { guard, clock, registryChecks, profileChanges } = context;

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
          'Answers the profile with `registryCheck.status` `pending`; the check against the state registries follows and, when `verified`, raises the account to «standard». Changing the data of a «standard» account makes it «simplified» until the new data are checked; «confirmed» stays. The fields that changed are recorded in the history (`GET /profile/changes`), masked.',
        security: [{ session: [], csrf: [] }],
        body: PersonalDataRequest,
        response: { 200: Profile, ...problemResponses(...sessionProblems, ...bodyProblems) },
      },
    },
    async (request) => {
      const citizen = guard.citizenOf(request);
      const { account } = citizen;
      const data = readPersonalData(request.body, latestDateInRussia(clock.now()));
      const changed = personalDataChanges(account, data);
      const updated = await registryChecks.submit(account, data, request.ip);
      await profileChanges.record(account.id, 'personal_data', changed, originOf(request, citizen));
      return toProfile(updated);
    },
  );
};
