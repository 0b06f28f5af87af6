/** Closing the account for good, by the citizen; an operator's account is `forbidden`. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import { AccountClosureRequest } from '@mfc-cabinet/core/schemas';
import type { AppContext } from '../context.js';
import { bodyProblems, citizenProblems, problemResponses } from '../http/openapi.js';

const tags = ['profile'];

export const accountClosureRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  const { guard, accountClosure } = context;
  app.addHook('onRequest', guard.citizen);

  app.post(
    '/profile/close',
    {
      schema: {
        operationId: 'closeAccount',
        tags,
        summary: 'Close the account for good',
        description:
          'Checks `currentPassword` as a sign-in does (`invalid_credentials` with `attemptsLeft`, `account_locked`). Then, as `docs/personal-data.md` lists table by table: drafts, the vault’s other documents and their files, unfinished uploads, sessions, devices, lists, presets and the history of changes are deleted; submitted applications with their documents and results, the consent record and the audit log (without details, addresses shortened to their network) are kept; the account keeps no personal field and can never sign in again. Every session ends and the answer clears the cookie: the SDK signs out with reason `account-deleted`. Download the data first: `GET /profile/export.json`, `GET /profile/export.pdf`.',
        security: [{ session: [], csrf: [] }],
        body: AccountClosureRequest,
        response: {
          204: z.undefined(),
          ...problemResponses('invalid_credentials', 'account_locked', ...citizenProblems, ...bodyProblems),
        },
      },
    },
    async (request, reply) => {
      const { account } = guard.citizenOf(request);
      await accountClosure.close(account, request.body.currentPassword, request.ip);
      guard.forget(reply);
      return reply.code(204).send();
    },
  );
};
