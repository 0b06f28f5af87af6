/** Confirming the e-mail given at registration with the code sent to it. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ChallengeResponse, Profile, ResendCodeRequest, VerifyCodeRequest } from '@mfc-cabinet/core/schemas';
import { toProfile } from '../accounts/accounts.js';
import type { AppContext } from '../context.js';
import { bodyProblems, problemResponses, sessionProblems } from '../http/openapi.js';

const tags = ['profile'];

export const profileEmailRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  const { guard, emailConfirmation } = context;

  app.post(
    '/profile/email/code',
    {
      onRequest: guard.signedIn,
      schema: {
        operationId: 'confirmEmailCode',
        tags,
        summary: 'Confirm the e-mail with its code',
        description: 'The challenge must be one of this account. Answers the profile with the e-mail set.',
        security: [{ session: [], csrf: [] }],
        body: VerifyCodeRequest,
        response: {
          200: Profile,
          ...problemResponses('otp_invalid', 'otp_expired', 'otp_attempts_exceeded', ...sessionProblems, ...bodyProblems),
        },
      },
    },
    async (request) => {
      const { account } = guard.citizenOf(request);
      return toProfile(await emailConfirmation.confirm(account, request.body, request.ip));
    },
  );

  app.post(
    '/profile/email/code/resend',
    {
      onRequest: guard.signedIn,
      schema: {
        operationId: 'resendEmailCode',
        tags,
        summary: 'Send a new code to the e-mail being confirmed',
        security: [{ session: [], csrf: [] }],
        body: ResendCodeRequest,
        response: { 200: ChallengeResponse, ...problemResponses('otp_expired', 'server_unavailable', ...sessionProblems, ...bodyProblems) },
      },
    },
    async (request) => {
      const { account } = guard.citizenOf(request);
      return { challenge: await emailConfirmation.resend(account, request.body.challengeId, request.ip) };
    },
  );
};
