/** Changing the phone, the e-mail, the password and the second factor of the signed-in citizen. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import {
  ChallengeResponse,
  EmailChangeRequest,
  PasswordChangeRequest,
  PasswordChanged,
  PhoneChangeRequest,
  Profile,
  ResendCodeRequest,
  SecondFactorRequest,
  VerifyCodeRequest,
} from '@mfc-cabinet/core/schemas';
import { toProfile } from '../accounts/accounts.js';
import type { AppContext } from '../context.js';
import { bodyProblems, problemResponses, sessionProblems } from '../http/openapi.js';
import type { SignedInCitizen } from '../http/session-guard.js';
import type { ChangeOrigin } from './changes.js';

const tags = ['profile'];
const security = [{ session: [], csrf: [] }];

/** The session, browser and address a change comes from. */
export const originOf = (request: FastifyRequest, { session }: SignedInCitizen): ChangeOrigin => ({
  sessionId: session.id,
  userAgent: request.headers['user-agent'],
  ip: request.ip,
});

const startProblems = ['invalid_credentials', 'account_locked', 'server_unavailable', ...sessionProblems, ...bodyProblems] as const;

const startDescription = (contact: string) =>
  `Checks \`currentPassword\` (a wrong one is \`invalid_credentials\` with \`attemptsLeft\` and counts towards the lockout like a sign-in: \`account_locked\`), then sends a code to the new ${contact} and answers its challenge; the current ${contact} stays until \`POST /profile/contacts/confirm\`. A ${contact} another account has answers alike, but its owner gets a notice instead of the code: the change can never be confirmed. A malformed ${contact}, or the current one, is \`validation_failed\`. Codes follow the rules of every one-time code (lifetime, tries, resend wait, hourly limit: \`rate_limited\`).`;

export const accountRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  const { guard, contactChanges, passwordChange, secondFactor } = context;

  app.post(
    '/profile/contacts/phone',
    {
      onRequest: guard.signedIn,
      schema: {
        operationId: 'changePhone',
        tags,
        summary: 'Start changing the phone: a code goes to the new one',
        description: startDescription('phone'),
        security,
        body: PhoneChangeRequest,
        response: { 200: ChallengeResponse, ...problemResponses(...startProblems) },
      },
    },
    async (request) => {
      const { account } = guard.citizenOf(request);
      const { phone, currentPassword } = request.body;
      return { challenge: await contactChanges.start(account, 'phone', phone, currentPassword, request.ip) };
    },
  );

  app.post(
    '/profile/contacts/email',
    {
      onRequest: guard.signedIn,
      schema: {
        operationId: 'changeEmail',
        tags,
        summary: 'Start changing the e-mail: a code goes to the new one',
        description: startDescription('e-mail'),
        security,
        body: EmailChangeRequest,
        response: { 200: ChallengeResponse, ...problemResponses(...startProblems) },
      },
    },
    async (request) => {
      const { account } = guard.citizenOf(request);
      const { email, currentPassword } = request.body;
      return { challenge: await contactChanges.start(account, 'email', email, currentPassword, request.ip) };
    },
  );

  app.post(
    '/profile/contacts/confirm',
    {
      onRequest: guard.signedIn,
      schema: {
        operationId: 'confirmContactChange',
        tags,
        summary: 'Confirm the new phone or e-mail with its code',
        description:
          'The challenge must be one of this account. Answers the profile with the new contact; the change is recorded in the history and the old contact is told. A wrong code costs a try (`otp_invalid` with `attemptsLeft`).',
        security,
        body: VerifyCodeRequest,
        response: {
          200: Profile,
          ...problemResponses('otp_invalid', 'otp_expired', 'otp_attempts_exceeded', ...sessionProblems, ...bodyProblems),
        },
      },
    },
    async (request) => {
      const citizen = guard.citizenOf(request);
      return toProfile(await contactChanges.confirm(citizen.account, request.body, originOf(request, citizen)));
    },
  );

  app.post(
    '/profile/contacts/resend',
    {
      onRequest: guard.signedIn,
      schema: {
        operationId: 'resendContactCode',
        tags,
        summary: 'Send a new code to the contact being changed to',
        security,
        body: ResendCodeRequest,
        response: { 200: ChallengeResponse, ...problemResponses('otp_expired', 'server_unavailable', ...sessionProblems, ...bodyProblems) },
      },
    },
    async (request) => {
      const { account } = guard.citizenOf(request);
      return { challenge: await contactChanges.resend(account, request.body.challengeId, request.ip) };
    },
  );

  app.post(
    '/profile/password',
    {
      onRequest: guard.signedIn,
      schema: {
        operationId: 'changePassword',
        tags,
        summary: 'Change the password',
        description:
          'Checks `currentPassword` as a sign-in does (a wrong one is `invalid_credentials` with `attemptsLeft` and counts towards the lockout: `account_locked`). The new `password` must meet the rules of registration, as field errors on `password`, and not be one of the last passwords (`password_reused`). With `endOtherSessions` every other session ends (this one stays). Recorded in the history; the account’s contacts are told.',
        security,
        body: PasswordChangeRequest,
        response: { 200: PasswordChanged, ...problemResponses('invalid_credentials', 'account_locked', ...sessionProblems, ...bodyProblems) },
      },
    },
    async (request) => {
      const citizen = guard.citizenOf(request);
      return passwordChange.change(citizen.account, request.body, originOf(request, citizen));
    },
  );

  app.put(
    '/profile/second-factor',
    {
      onRequest: guard.signedIn,
      schema: {
        operationId: 'setSecondFactor',
        tags,
        summary: 'Turn the one-time code at sign-in on (by SMS or e-mail) or off',
        description:
          'Checks `currentPassword` as a sign-in does (a wrong one is `invalid_credentials` with `attemptsLeft` and counts towards the lockout: `account_locked`). `channel` `sms` needs the account’s phone, `email` its confirmed e-mail (an e-mail is the account’s only once confirmed); otherwise `validation_failed` on `channel` (`contact_missing`), before the password is checked. `null` turns the code off. Answers the profile; a change is recorded in the history (kind `second_factor`, field `secondFactor`, values `sms`, `email` or `null`) and the account’s contacts are told. The next sign-in asks for the code, or does not.',
        security,
        body: SecondFactorRequest,
        response: { 200: Profile, ...problemResponses('invalid_credentials', 'account_locked', ...sessionProblems, ...bodyProblems) },
      },
    },
    async (request) => {
      const citizen = guard.citizenOf(request);
      return toProfile(await secondFactor.set(citizen.account, request.body, originOf(request, citizen)));
    },
  );
};
