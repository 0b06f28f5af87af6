/** Sign-in with password and one-time code, the current session, staying signed in, sign-out. */
import type { FastifyReply } from 'fastify';
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
import type { PasswordOutcome } from '../auth/sign-in.js';
import type { AppContext } from '../context.js';
import { browserOf, handOverSession } from '../http/browser.js';
import { bodyProblems, problemResponses, sessionProblems } from '../http/openapi.js';

const tags = ['auth'];

export const authRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  const { signIn, guard, sessions, audit } = context;

  /** The answer of a sign-in step: a session is handed over only when the sign-in is complete. */
  const answer = (reply: FastifyReply, outcome: PasswordOutcome): LoginResponse => {
    if (outcome.status !== 'authenticated') return outcome;
    return { status: 'authenticated', session: handOverSession(reply, outcome.signedIn, context) };
  };

  app.post(
    '/auth/login',
    {
      schema: {
        operationId: 'signIn',
        tags,
        summary: 'Sign in with a phone, e-mail or СНИЛС and a password',
        description:
          'Answers `authenticated` with the session (cookie set), `code_required` with the challenge of the one-time code just sent, or — for a temporary password from an МФЦ operator, which this uses up — `password_change_required` with the permission to choose a new password (`POST /auth/password/temporary`). A used or expired temporary password is `invalid_credentials`, like any wrong password.',
        body: LoginRequest,
        response: {
          200: LoginResponse,
          ...problemResponses('invalid_credentials', 'account_locked', 'rate_limited', 'server_unavailable', ...bodyProblems),
        },
      },
    },
    async (request, reply) => answer(reply, await signIn.withPassword(request.body, browserOf(request))),
  );

  app.post(
    '/auth/login/code',
    {
      schema: {
        operationId: 'confirmSignInCode',
        tags,
        summary: 'Finish signing in with the one-time code',
        description: 'Answers `authenticated`, or `password_change_required` when the password was a temporary one.',
        body: VerifyCodeRequest,
        response: {
          200: LoginResponse,
          ...problemResponses('otp_invalid', 'otp_expired', 'otp_attempts_exceeded', 'invalid_credentials', ...bodyProblems),
        },
      },
    },
    async (request, reply) => answer(reply, await signIn.withCode(request.body, browserOf(request))),
  );

  app.post(
    '/auth/login/code/resend',
    {
      schema: {
        operationId: 'resendSignInCode',
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
        operationId: 'getSession',
        tags,
        summary: 'The session of this browser, or null',
        description: 'Does not extend the session. The `Cabinet-Session-Idle-Expires-In` header tells the seconds it has left.',
        response: { 200: SessionResponse, ...problemResponses('rate_limited') },
      },
    },
    async (request, reply) => {
      const current = await guard.peek(request, reply);
      return { session: current ? sessions.toJson(current.session, current.account) : null };
    },
  );

  app.post(
    '/auth/session/extend',
    {
      onRequest: guard.signedIn,
      schema: {
        operationId: 'extendSession',
        tags,
        summary: 'Stay signed in',
        description:
          'Moves the idle deadline to the full idle timeout from now (the «stay signed in» button of the warning), never past the absolute end.',
        security: [{ session: [], csrf: [] }],
        response: { 200: SessionResponse, ...problemResponses(...sessionProblems) },
      },
    },
    async (request) => {
      const { session, account } = guard.citizenOf(request);
      return { session: sessions.toJson(session, account) };
    },
  );

  app.post(
    '/auth/logout',
    {
      onRequest: guard.signedIn,
      schema: {
        operationId: 'signOut',
        tags,
        summary: 'Sign out',
        security: [{ session: [], csrf: [] }],
        response: { 204: z.undefined(), ...problemResponses(...sessionProblems) },
      },
    },
    async (request, reply) => {
      const { session } = guard.citizenOf(request);
      await sessions.revoke(session.id);
      await audit.record('logout', { accountId: session.accountId, ip: request.ip });
      guard.forget(reply);
      return reply.code(204).send();
    },
  );
};
