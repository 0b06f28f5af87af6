/**
 * Headers on every answer: no MIME sniffing, no full URLs in Referer to other sites; API
 * answers are never rendered as a page, and never cached unless the route said how (public
 * reference data such as the catalog's search index).
 */
import type { onSendHookHandler } from 'fastify';

// A callback hook, not an async one: it runs on every answer, and needs no promise.
export const securityHeaders: onSendHookHandler = (request, reply, payload, done) => {
  reply.header('x-content-type-options', 'nosniff');
  reply.header('referrer-policy', 'strict-origin-when-cross-origin');
  if (request.url.startsWith('/api/')) {
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    reply.header('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
  }
  done(null, payload);
};
