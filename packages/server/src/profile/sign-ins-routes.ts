/** The sign-in history of the signed-in account. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { SignInPage } from '@mfc-cabinet/core/schemas';
import type { AppContext } from '../context.js';
import { preferredLocale } from '../http/locale.js';
import { problemResponses, sessionProblems } from '../http/openapi.js';
import { ProfileChangesQuery } from './changes-routes.js';

export const signInsRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  const { guard, signInHistory } = context;

  app.get(
    '/profile/sign-ins',
    {
      onRequest: guard.signedIn,
      schema: {
        operationId: 'listSignIns',
        tags: ['profile'],
        summary: 'The sign-in history of the account, newest first',
        description:
          'Every sign-in (`signed_in`), wrong password (`wrong_password`), wrong one-time code (`wrong_code`) and refusal by the lockout (`locked`) on this account, with the browser (`device`, in the language of `Accept-Language`), the address masked (`192.168.1.*`) and its `place`: the local network, or the city when the server has a GeoIP database (`GEOIP_CITY_CSV`), else `null`. `current` marks the sign-in of this session. Kept for a year. Pages of `limit` (20 by default, at most 50); `nextCursor` asks for the next one. A cursor not made by the server is `validation_failed` at `cursor`.',
        security: [{ session: [] }],
        querystring: ProfileChangesQuery,
        response: { 200: SignInPage, ...problemResponses('validation_failed', ...sessionProblems) },
      },
    },
    async (request) => {
      const { account, session } = guard.citizenOf(request);
      return signInHistory.page(account.id, request.query, { sessionId: session.id, locale: preferredLocale(request.headers['accept-language']) });
    },
  );
};
