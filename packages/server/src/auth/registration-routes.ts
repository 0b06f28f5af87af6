/** Registration: the form, the phone's code (creating the account and signing in), a new code. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ChallengeResponse,
  RegistrationCompleted,
  RegistrationRequest,
  ResendCodeRequest,
  VerifyCodeRequest,
} from '@mfc-cabinet/core/schemas';
import type { AppContext } from '../context.js';
import { browserOf, handOverSession } from '../http/browser.js';
import { bodyProblems, problemResponses } from '../http/openapi.js';

const tags = ['registration'];

export const registrationRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  const { registration } = context;

  app.post(
    '/auth/registration',
    {
      schema: {
        operationId: 'startRegistration',
        tags,
        summary: 'Register with a phone, an optional e-mail, a password and the consent',
        description:
          'Sends a one-time code to the phone. A phone that has an account answers the same but gets a notice instead, so the registration cannot be completed. Password rules are field errors on `password` with the codes `password_length`, `password_lowercase`, `password_uppercase`, `password_digit`, `password_special`, `password_not_login`, `password_common`; an old consent text is `consent_outdated` on `consent.version`, a missing consent `consent_required` on `consent.accepted`.',
        body: RegistrationRequest,
        response: { 200: ChallengeResponse, ...problemResponses('server_unavailable', ...bodyProblems) },
      },
    },
    async (request) => ({ challenge: await registration.start(request.body, browserOf(request)) }),
  );

  app.post(
    '/auth/registration/code',
    {
      schema: {
        operationId: 'confirmRegistrationCode',
        tags,
        summary: "Finish registering with the phone's code",
        description:
          'Creates the account (level «simplified»), records the consent and signs in (cookie set). When an e-mail was given, `emailChallenge` is the code sent to it, for `POST /profile/email/code`.',
        body: VerifyCodeRequest,
        response: {
          200: RegistrationCompleted,
          ...problemResponses('otp_invalid', 'otp_expired', 'otp_attempts_exceeded', ...bodyProblems),
        },
      },
    },
    async (request, reply) => {
      const { signedIn, emailChallenge } = await registration.complete(request.body, browserOf(request));
      return { status: 'authenticated' as const, session: handOverSession(reply, signedIn, context), emailChallenge };
    },
  );

  app.post(
    '/auth/registration/code/resend',
    {
      schema: {
        operationId: 'resendRegistrationCode',
        tags,
        summary: 'Send a new code for the same registration',
        body: ResendCodeRequest,
        response: { 200: ChallengeResponse, ...problemResponses('otp_expired', 'server_unavailable', ...bodyProblems) },
      },
    },
    async (request) => ({ challenge: await registration.resendCode(request.body.challengeId, request.ip) }),
  );
};
