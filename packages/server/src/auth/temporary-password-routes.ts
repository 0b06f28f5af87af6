/** Finishing a sign-in with a temporary password: the citizen's own new password, and the session. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LoginResponse, TemporaryPasswordChangeRequest } from '@mfc-cabinet/core/schemas';
import type { AppContext } from '../context.js';
import { browserOf, handOverSession } from '../http/browser.js';
import { bodyProblems, problemResponses } from '../http/openapi.js';

export const temporaryPasswordRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  const { temporaryPasswords, signIn } = context;

  app.post(
    '/auth/password/temporary',
    {
      schema: {
        operationId: 'replaceTemporaryPassword',
        tags: ['auth'],
        summary: 'Choose a new password after signing in with a temporary one',
        description:
          'Takes the `changeToken` of a `password_change_required` sign-in (single use, valid `expiresIn` seconds) and answers `authenticated` with the session (cookie set). Password rules are field errors on `password`, as at recovery; the temporary password itself is `password_reused`. A used or old `changeToken` is `otp_expired`.',
        body: TemporaryPasswordChangeRequest,
        response: { 200: LoginResponse, ...problemResponses('otp_expired', ...bodyProblems) },
      },
    },
    async (request, reply) => {
      const browser = browserOf(request);
      const account = await temporaryPasswords.replace(request.body, browser.ip);
      const signedIn = await signIn.startSession(account, browser);
      return { status: 'authenticated' as const, session: handOverSession(reply, signedIn, context) };
    },
  );
};
