/** The citizen's signed-in devices: listing them, ending one, ending all but this one. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import { RevokedSessions, SessionList, type SessionInfo } from '@mfc-cabinet/core/schemas';
import { ApiError } from '../api-error.js';
import type { AppContext } from '../context.js';
import { maskIp, placeOf } from '../http/ip-address.js';
import { IdParams, problemResponses, sessionProblems } from '../http/openapi.js';
import { preferredLocale, type Locale } from '../http/locale.js';
import { describeDevice } from '../http/user-agent.js';
import type { GeoIpLookup } from '../http/geoip.js';
import type { SessionRecord } from '../security/sessions.js';

const tags = ['sessions'];

/** A session as the list shows it: the device and a masked address, never its secrets. */
function toSessionInfo(session: SessionRecord, currentId: string, locale: Locale, geo: GeoIpLookup | null): SessionInfo {
  return {
    id: session.id,
    current: session.id === currentId,
    device: describeDevice(session.userAgent, locale),
    place: placeOf(session.ip, locale, geo),
    ip: maskIp(session.ip),
    createdAt: new Date(session.createdAt).toISOString(),
    lastSeenAt: new Date(session.lastSeenAt).toISOString(),
  };
}

export const sessionRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (app, { context }) => {
  const { guard, sessions, audit, geoIp } = context;

  app.get(
    '/auth/sessions',
    {
      onRequest: guard.signedIn,
      schema: {
        operationId: 'listSessions',
        tags,
        summary: 'The live sessions of the account: this one first, then the most recently used',
        security: [{ session: [] }],
        response: { 200: SessionList, ...problemResponses(...sessionProblems) },
      },
    },
    async (request) => {
      const { session, account } = guard.citizenOf(request);
      const live = await sessions.listLive(account.id);
      const ordered = [session, ...live.filter(({ id }) => id !== session.id)];
      return { sessions: ordered.map((each) => toSessionInfo(each, session.id, preferredLocale(request.headers['accept-language']), geoIp)) };
    },
  );

  app.delete(
    '/auth/sessions/:id',
    {
      onRequest: guard.signedIn,
      schema: {
        operationId: 'revokeSession',
        tags,
        summary: 'End one session of the account',
        description:
          'Its browser is refused with `session_expired` on its next request. Ending this browser’s own session is allowed and clears its cookie. A session of another account, or one that ended, is `not_found`.',
        security: [{ session: [], csrf: [] }],
        params: IdParams,
        response: { 204: z.undefined(), ...problemResponses('not_found', 'validation_failed', ...sessionProblems) },
      },
    },
    async (request, reply) => {
      const { session, account } = guard.citizenOf(request);
      const { id } = request.params;
      if (!(await sessions.revokeOf(account.id, id))) throw new ApiError('not_found', { detail: 'Сеанс не найден или уже завершён.' });
      const current = id === session.id;
      await audit.record('session_revoked', { accountId: account.id, ip: request.ip, details: { sessionId: id, current } });
      if (current) guard.forget(reply);
      return reply.code(204).send();
    },
  );

  app.post(
    '/auth/sessions/revoke-others',
    {
      onRequest: guard.signedIn,
      schema: {
        operationId: 'revokeOtherSessions',
        tags,
        summary: 'End every session of the account but this one',
        security: [{ session: [], csrf: [] }],
        response: { 200: RevokedSessions, ...problemResponses(...sessionProblems) },
      },
    },
    async (request) => {
      const { session, account } = guard.citizenOf(request);
      const revoked = await sessions.revokeAll(account.id, session.id);
      await audit.record('session_revoked', { accountId: account.id, ip: request.ip, details: { others: true, revoked } });
      return { revoked };
    },
  );
};
