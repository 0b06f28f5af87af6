/** The history of changes of the profile, and «Это был не я». */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import { NotMeReported, ProfileChangePage } from '@mfc-cabinet/core/schemas';
import { ApiError } from '../api-error.js';
import type { AppContext } from '../context.js';
import { preferredLocale } from '../http/locale.js';
import { IdParams, problemResponses, sessionProblems } from '../http/openapi.js';

const tags = ['profile'];

export const ProfileChangesQuery = z.object({
  cursor: z.optional(z.string().check(z.maxLength(500))),
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(50))),
});

export const changesRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  const { guard, profileChanges, sessions, recovery, audit } = context;

  app.get(
    '/profile/changes',
    {
      onRequest: guard.signedIn,
      schema: {
        operationId: 'listProfileChanges',
        tags,
        summary: 'The history of changes of personal data, contacts and the password, newest first',
        description:
          'Values are masked (`+7 9** ***-**-01`, `45** ****78`, `i***@example.ru`, names by their first letter, dates by their year); a password change has none. Pages of `limit` (20 by default, at most 50); `nextCursor` asks for the next one. A cursor not made by the server is `validation_failed` at `cursor`.',
        security: [{ session: [] }],
        querystring: ProfileChangesQuery,
        response: { 200: ProfileChangePage, ...problemResponses('validation_failed', ...sessionProblems) },
      },
    },
    async (request) => {
      const { account, session } = guard.citizenOf(request);
      return profileChanges.page(account.id, request.query, { sessionId: session.id, locale: preferredLocale(request.headers['accept-language']) });
    },
  );

  app.post(
    '/profile/changes/:id/not-me',
    {
      onRequest: guard.signedIn,
      schema: {
        operationId: 'reportProfileChangeNotMe',
        tags,
        summary: '«Это был не я»: end every session and start password recovery',
        description:
          'Ends every session of the account, this one too (the answer clears its cookie: the SDK signs out with reason `not-me`), marks the change as reported, and sends a recovery code to the account’s phone (its e-mail when it has none, or when the reported change set the phone); finish with `POST /auth/recovery/code` and `POST /auth/recovery/password`. `challenge` is `null` when no code can be sent now (its hourly limit): the sessions end all the same. A change of another account is `not_found`.',
        security: [{ session: [], csrf: [] }],
        params: IdParams,
        response: { 200: NotMeReported, ...problemResponses('not_found', 'validation_failed', ...sessionProblems) },
      },
    },
    async (request, reply) => {
      const { account } = guard.citizenOf(request);
      const change = await profileChanges.find(account.id, request.params.id);
      if (!change) throw new ApiError('not_found', { detail: 'Такого изменения в истории вашего профиля нет.' });
      const ended = await sessions.revokeAll(account.id);
      guard.forget(reply);
      await profileChanges.markReported(change.id);
      await audit.record('not_me_reported', { accountId: account.id, ip: request.ip, details: { changeId: change.id, kind: change.kind, endedSessions: ended } });
      const distrusted = change.kind === 'phone' || change.kind === 'email' ? change.kind : undefined;
      // The sessions ended whatever happens next: a code that cannot be sent now is no reason to fail.
      const challenge = await recovery.startFor(account, request.ip, distrusted).catch((error: unknown) => {
        if (error instanceof ApiError && (error.code === 'rate_limited' || error.code === 'conflict')) return null;
        throw error;
      });
      return { signedOut: true as const, challenge };
    },
  );
};
