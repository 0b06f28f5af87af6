/** What the server knows of the browser asking, and handing a new session to it. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Session } from '@mfc-cabinet/core/schemas';
import type { Browser, SignedIn } from '../auth/sign-in.js';
import type { SecurityRules } from '../config.js';
import { toSessionJson } from '../security/sessions.js';
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

/** Sets the session and device cookies of a new session; returns the page's view of it. */
export function handOverSession(
  reply: FastifyReply,
  { session, sessionToken, deviceToken, account }: SignedIn,
  rules: Pick<SecurityRules, 'sessionAbsoluteMs' | 'deviceTtlMs'>,
): Session {
  setCookie(reply, sessionCookie, sessionToken, rules.sessionAbsoluteMs);
  setCookie(reply, deviceCookie, deviceToken, rules.deviceTtlMs);
  return toSessionJson(session, account);
}
