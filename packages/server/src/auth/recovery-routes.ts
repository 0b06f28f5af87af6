/**
 * Password recovery: the login, its code, the new password. No answer tells whether the
 * login has an account.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import {
  NewPasswordRequest,
  RecoveryChallengeResponse,
  RecoveryRequest,
  RecoveryVerified,
  ResendCodeRequest,
  VerifyCodeRequest,
} from '@mfc-cabinet/core/schemas';
import type { AppContext } from '../context.js';
import { bodyProblems, problemResponses } from '../http/openapi.js';

const tags = ['recovery'];

export const recoveryRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  const { recovery } = context;

  app.post(
    '/auth/recovery',
    {
      schema: {
        operationId: 'startRecovery',
        tags,
        summary: 'Start password recovery with a phone, e-mail or СНИЛС',
        description:
          'Sends a code to the e-mail when the login is an e-mail, otherwise to the phone — if the login has an account. The answer is the same either way.',
        body: RecoveryRequest,
        response: { 200: RecoveryChallengeResponse, ...problemResponses(...bodyProblems) },
      },
    },
    async (request) => ({ challenge: await recovery.start(request.body, request.ip) }),
  );

  app.post(
    '/auth/recovery/code/resend',
    {
      schema: {
        operationId: 'resendRecoveryCode',
        tags,
        summary: 'Send a new recovery code',
        body: ResendCodeRequest,
        response: { 200: RecoveryChallengeResponse, ...problemResponses('otp_expired', ...bodyProblems) },
      },
    },
    async (request) => ({ challenge: await recovery.resendCode(request.body.challengeId, request.ip) }),
  );

  app.post(
    '/auth/recovery/code',
    {
      schema: {
        operationId: 'confirmRecoveryCode',
        tags,
        summary: 'Check the recovery code',
        description: 'Answers a single-use `resetToken` for `POST /auth/recovery/password`, valid for `expiresIn` seconds.',
        body: VerifyCodeRequest,
        response: {
          200: RecoveryVerified,
          ...problemResponses('otp_invalid', 'otp_expired', 'otp_attempts_exceeded', ...bodyProblems),
        },
      },
    },
    (request) => recovery.verify(request.body, request.ip),
  );

  app.post(
    '/auth/recovery/password',
    {
      schema: {
        operationId: 'setRecoveredPassword',
        tags,
        summary: 'Set the new password',
        description:
          'Ends every session of the account and clears the lockouts of its logins. Password rules are field errors on `password`, as at registration, plus `password_reused` (one of the last passwords). A used or old `resetToken` is `otp_expired`.',
        body: NewPasswordRequest,
        response: { 204: z.undefined(), ...problemResponses('otp_expired', ...bodyProblems) },
      },
    },
    async (request, reply) => {
      await recovery.setPassword(request.body, request.ip);
      return reply.code(204).send();
    },
  );
};
