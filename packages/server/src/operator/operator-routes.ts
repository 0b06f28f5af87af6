/**
 * The operator API of an МФЦ: finding a citizen at the counter, issuing a temporary
 * password, confirming an identity, reading the audit log. Every route needs the session
 * of an operator, checked before the body is read: a citizen is `forbidden`, nobody
 * signed in `unauthenticated`.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import {
  AuditLog as AuditLogResponse,
  IdentityConfirmationRequest,
  IdentityConfirmed,
  OperatorLookupRequest,
  OperatorLookupResponse,
  TemporaryPasswordIssued,
  TemporaryPasswordRequest,
} from '@mfc-cabinet/core/schemas';
import { toCitizenSummary } from '../accounts/accounts.js';
import type { AppContext } from '../context.js';
import { bodyProblems, IdParams, problemResponses, sessionProblems } from '../http/openapi.js';

const tags = ['operator'];
const security = [{ session: [], csrf: [] }];
const operatorProblems = [...sessionProblems, 'forbidden'] as const;

const AuditQuery = z.object({
  accountId: z.optional(z.string().check(z.maxLength(100))),
  limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(200))),
});

/** The identity code is 8 characters, not the 6 digits of the one-time codes. */
const identityCodeMessages = {
  code: {
    required: 'Введите код с экрана гражданина',
    invalid: 'Введите код с экрана гражданина, например K7QF-2MZX',
    too_long: 'Код — 8 знаков, например K7QF-2MZX',
  },
};

export const operatorRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  const { guard, citizenLookup, temporaryPasswords, identityConfirmations, audit } = context;
  app.addHook('onRequest', guard.operator);

  app.post(
    '/operator/citizens/lookup',
    {
      schema: {
        operationId: 'lookUpCitizen',
        tags,
        summary: 'Find citizens by passport, СНИЛС or phone',
        description:
          'Every criterion given must match; at least one is needed. Answers at most 20 citizens (operators are never listed). The lookup is audited.',
        security,
        body: OperatorLookupRequest,
        response: { 200: OperatorLookupResponse, ...problemResponses(...operatorProblems, ...bodyProblems) },
      },
    },
    async (request) => {
      const { account } = guard.citizenOf(request);
      return { citizens: await citizenLookup.find(account, request.body, request.ip) };
    },
  );

  app.post(
    '/operator/citizens/:id/temporary-password',
    {
      schema: {
        operationId: 'issueTemporaryPassword',
        tags,
        summary: "Issue a temporary password, having checked the citizen's passport",
        description:
          'Answers the password, shown this once: it replaces the account’s password, works once within `expiresIn` seconds, and must then be changed. Every session of the citizen ends and their lockouts clear; the citizen gets a notice without the password.',
        security,
        params: IdParams,
        body: TemporaryPasswordRequest,
        response: { 200: TemporaryPasswordIssued, ...problemResponses('not_found', ...operatorProblems, ...bodyProblems) },
      },
    },
    (request) => temporaryPasswords.issue(guard.citizenOf(request).account, request.params.id, request.ip),
  );

  app.post(
    '/operator/identity-confirmations',
    {
      config: { fieldMessages: identityCodeMessages },
      schema: {
        operationId: 'confirmCitizenIdentity',
        tags,
        summary: "Confirm a citizen's identity with the code from their screen and their passport",
        description:
          'The code must be live (`not_found` otherwise) and the passport the one the account holds (`conflict` otherwise). The account becomes «confirmed».',
        security,
        body: IdentityConfirmationRequest,
        response: { 200: IdentityConfirmed, ...problemResponses('not_found', 'conflict', ...operatorProblems, ...bodyProblems) },
      },
    },
    async (request) => {
      const { account } = guard.citizenOf(request);
      return { citizen: toCitizenSummary(await identityConfirmations.confirm(account, request.body, request.ip)) };
    },
  );

  app.get(
    '/operator/audit',
    {
      schema: {
        operationId: 'listAuditEvents',
        tags,
        summary: 'The audit log, newest first',
        description: 'Security events and operator actions, of one account when `accountId` is given; `limit` 1–200, 50 by default.',
        security: [{ session: [] }],
        querystring: AuditQuery,
        response: { 200: AuditLogResponse, ...problemResponses(...operatorProblems, 'validation_failed') },
      },
    },
    async (request) => ({ entries: await audit.list({ accountId: request.query.accountId, limit: request.query.limit ?? 50 }) }),
  );
};
