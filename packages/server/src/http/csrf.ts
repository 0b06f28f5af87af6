/**
 * Cross-site request forgery defences, besides the SameSite=Lax session cookie:
 * - any state-changing request whose `Origin` is neither this server's nor one of
 *   ALLOWED_ORIGINS is refused, signed in or not;
 * - a state-changing request made within a session carries the session's CSRF token in
 *   `X-CSRF-Token`.
 */
import type { FastifyRequest, onRequestHookHandler } from 'fastify';
import { ApiError } from '../api-error.js';
import { safeEqual } from '../security/tokens.js';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export const csrfHeader = 'x-csrf-token';

/** True for methods that may change state. */
export const isUnsafeMethod = (method: string): boolean => !safeMethods.has(method);

/**
 * Whether `origin` is this server's own: the same host as the request's `Host` (scheme
 * left aside, so that a proxy terminating TLS in front of the server does not matter).
 */
function isOwnOrigin(origin: string, request: FastifyRequest): boolean {
  if (!URL.canParse(origin)) return false;
  const own = `${request.protocol}://${request.host}`;
  return URL.canParse(own) && new URL(origin).host === new URL(own).host;
}

/**
 * An `onRequest` hook refusing state-changing requests from foreign origins (a callback
 * hook: it runs on every request, and a safe one needs no promise).
 */
export function originGuard(allowedOrigins: readonly string[]): onRequestHookHandler {
  const allowed = new Set(allowedOrigins);
  return (request, _reply, done) => {
    const origin = request.headers.origin;
    if (!isUnsafeMethod(request.method) || origin === undefined || allowed.has(origin) || isOwnOrigin(origin, request)) done();
    else done(new ApiError('csrf_failed'));
  };
}

/** Throws `csrf_failed` unless a state-changing request carries `expected` in `X-CSRF-Token`. */
export function assertCsrfToken(request: FastifyRequest, expected: string): void {
  if (!isUnsafeMethod(request.method)) return;
  const sent = request.headers[csrfHeader];
  if (typeof sent !== 'string' || !safeEqual(sent, expected)) throw new ApiError('csrf_failed');
}
