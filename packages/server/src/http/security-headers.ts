/**
 * Headers on every answer: no MIME sniffing, no full URLs in Referer to other sites; API
 * answers are never cached and never rendered as a page.
 */
import type { onSendAsyncHookHandler } from 'fastify';

export const securityHeaders: onSendAsyncHookHandler = async (request, reply) => {
  reply.header('x-content-type-options', 'nosniff');
  reply.header('referrer-policy', 'strict-origin-when-cross-origin');
  if (request.url.startsWith('/api/')) {
    reply.header('cache-control', 'no-store');
    reply.header('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
  }
};
