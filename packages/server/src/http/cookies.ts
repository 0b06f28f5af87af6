/**
 * The two cookies of the server. `__Host-` pins them to this host, path `/` and HTTPS
 * (browsers accept Secure cookies on http://localhost too); neither is readable by scripts.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

/** The session token. */
export const sessionCookie = '__Host-mfc_session';
/** The device token: this browser signed in to an account before (the lockout exemption). */
export const deviceCookie = '__Host-mfc_device';

const attributes = { path: '/', httpOnly: true, secure: true, sameSite: 'lax' } as const;

export function readCookie(request: FastifyRequest, name: string): string | undefined {
  return request.cookies[name] || undefined;
}

/** Sets `name` for `lifetimeMs` (Max-Age in whole seconds). */
export function setCookie(reply: FastifyReply, name: string, value: string, lifetimeMs: number): void {
  reply.setCookie(name, value, { ...attributes, maxAge: Math.floor(lifetimeMs / 1000) });
}

export function clearCookie(reply: FastifyReply, name: string): void {
  reply.clearCookie(name, attributes);
}
