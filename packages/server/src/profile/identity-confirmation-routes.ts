/** The citizen's side of confirming the identity at an МФЦ: the code, its state, its QR code. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import { IdentityConfirmation } from '@mfc-cabinet/core/schemas';
import { ApiError } from '../api-error.js';
import type { AppContext } from '../context.js';
import { problemResponses, sessionProblems } from '../http/openapi.js';
import { qrSvg } from '../http/qr-svg.js';

const tags = ['profile'];
const path = '/profile/identity-confirmation';

export const identityConfirmationRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  const { guard, identityConfirmations } = context;

  app.post(
    path,
    {
      onRequest: guard.signedIn,
      schema: {
        operationId: 'createIdentityConfirmation',
        tags,
        summary: 'Get a code to confirm the identity at an МФЦ',
        description:
          'Answers `waiting` with a new code (replacing any other) and the seconds it is valid; an account confirmed already answers `confirmed`. Needs a «standard» account: a «simplified» one is `conflict`. Only this browser can show the code again.',
        security: [{ session: [], csrf: [] }],
        response: { 200: IdentityConfirmation, ...problemResponses('conflict', ...sessionProblems) },
      },
    },
    (request) => identityConfirmations.start(guard.citizenOf(request)),
  );

  app.get(
    path,
    {
      onRequest: guard.watching,
      schema: {
        operationId: 'getIdentityConfirmation',
        tags,
        summary: 'Where the confirmation of the identity stands',
        description:
          '`none`, `waiting` (with the code), `expired` or `confirmed`. Meant to be polled while the code is shown: it needs a live session but does not extend it. Another browser of the account sees `none`.',
        security: [{ session: [] }],
        response: { 200: IdentityConfirmation, ...problemResponses(...sessionProblems) },
      },
    },
    (request) => identityConfirmations.current(guard.citizenOf(request)),
  );

  app.get(
    `${path}/qr.svg`,
    {
      onRequest: guard.signedIn,
      schema: {
        operationId: 'getIdentityConfirmationQr',
        tags,
        summary: 'The QR code of the waiting code, as an SVG image',
        description: 'The QR code holds the code as shown (`K7QF-2MZX`). `not_found` when no code is waiting.',
        security: [{ session: [] }],
        response: {
          200: { description: 'The QR code', content: { 'image/svg+xml': { schema: z.string() } } },
          ...problemResponses('not_found', ...sessionProblems),
        },
      },
    },
    async (request, reply) => {
      const { status, code } = await identityConfirmations.current(guard.citizenOf(request));
      if (status !== 'waiting' || code === null) throw new ApiError('not_found', { detail: 'Код для подтверждения личности не запрошен или устарел.' });
      return reply.type('image/svg+xml').header('cache-control', 'no-store').send(qrSvg(code));
    },
  );
};
