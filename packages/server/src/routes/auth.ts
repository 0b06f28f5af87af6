/** Sign-in with password and one-time code, the current session, sign-out. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import {
  LoginRequest,
  LoginResponse,
  OtpChallenge,
  ResendCodeRequest,
  SessionResponse,
  VerifyCodeRequest,
} from '@mfc-cabinet/core/schemas';
import type { AppContext } from '../context.js';
import { browserOf, handOverSession } from '../http/browser.js';
import { clearCookie, sessionCookie } from '../http/cookies.js';
import { bodyProblems, problemResponses } from '../http/openapi.js';
import { toSessionJson } from '../security/sessions.js';

const tags = ['auth'];

export const authRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  const { signIn, guard, sessions, audit, config } = context;

  app.post(
    '/auth/login',
    {
      schema: {
        tags,
        summary: 'Sign in with a phone, e-mail or СНИЛС and a password',
        description:
          'Answers `authenticated` with the session (cookie set), or `code_required` with the challenge of the one-time code just sent.',
        body: LoginRequest,
        response: {
          200: LoginResponse,
          ...problemResponses('invalid_credentials', 'account_locked', 'server_unavailable', ...bodyProblems),
        },
      },
    },
    async (request, reply) => {
      const outcome = await signIn.withPassword(request.body, browserOf(request));
      if (outcome.status === 'code_required') return outcome;
      return { status: 'authenticated' as const, session: handOverSession(reply, outcome.signedIn, config.rules) };
    },
  );

  app.post(
    '/auth/login/code',
    {
      schema: {
        tags,
        summary: 'Finish signing in with the one-time code',
        body: VerifyCodeRequest,
        response: {
          200: LoginResponse,
          ...problemResponses('otp_invalid', 'otp_expired', 'otp_attempts_exceeded', ...bodyProblems),
        },
      },
    },
    async (request, reply) => {
      const signedIn = await signIn.withCode(request.body, browserOf(request));
      return { status: 'authenticated' as const, session: handOverSession(reply, signedIn, config.rules) };
    },
  );

  app.post(
    '/auth/login/code/resend',
    {
      schema: {
        tags,
        summary: 'Send a new one-time code for the same sign-in',
        body: ResendCodeRequest,
        response: { 200: OtpChallenge, ...problemResponses('otp_expired', 'server_unavailable', ...bodyProblems) },
      },
    },
    (request) => signIn.resendCode(request.body.challengeId, request.ip),
  );

  app.get(
    '/auth/session',
    {
      schema: {
        tags,
        summary: 'The session of this browser, or null',
        description: 'Does not extend the session.',
        response: { 200: SessionResponse, ...problemResponses('rate_limited') },
      },
    },
    async (request, reply) => {
      const current = await guard.peek(request, reply);
      return { session: current ? toSessionJson(current.session, current.account) : null };
    },
  );

  app.post(
    '/auth/logout',
    {
      schema: {
        tags,
        summary: 'Sign out',
        security: [{ session: [], csrf: [] }],
        response: {
          204: z.undefined(),
          ...problemResponses('unauthenticated', 'session_expired', 'csrf_failed', 'rate_limited'),
        },
      },
    },
    async (request, reply) => {
      const { session } = await guard.require(request, reply);
      await sessions.revoke(session.id);
      await audit.record('logout', { accountId: session.accountId, ip: request.ip });
      clearCookie(reply, sessionCookie);
      return reply.code(204).send();
    },
  );
};
