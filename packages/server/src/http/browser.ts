/** What the server knows of the browser asking, and handing a new session to it. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sessionIdleHeader, type Session } from '@mfc-cabinet/core/schemas';
import type { Browser, SignedIn } from '../auth/sign-in.js';
import type { AppContext } from '../context.js';
import { deviceCookie, readCookie, sessionCookie, setCookie } from './cookies.js';

const userAgentMaxLength = 512;

export function browserOf(request: FastifyRequest): Browser {
  const userAgent = request.headers['user-agent'];
  return {
    ip: request.ip,
    deviceToken: readCookie(request, deviceCookie),
    sessionToken: readCookie(request, sessionCookie),
    userAgent: userAgent ? userAgent.slice(0, userAgentMaxLength) : undefined,
  };
}

/** Sets the session and device cookies of a new session and its idle header; returns the page's view of it. */
export function handOverSession(
  reply: FastifyReply,
  { session, sessionToken, deviceToken, account }: SignedIn,
  { sessions, config: { rules } }: Pick<AppContext, 'sessions' | 'config'>,
): Session {
  setCookie(reply, sessionCookie, sessionToken, rules.sessionAbsoluteMs);
  setCookie(reply, deviceCookie, deviceToken, rules.deviceTtlMs);
  reply.header(sessionIdleHeader, String(sessions.idleSecondsLeft(session)));
  return sessions.toJson(session, account);
}
