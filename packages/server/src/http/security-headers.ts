/**
 * Headers on every answer: no MIME sniffing, no full URLs in Referer to other sites, a
 * browsing context of its own (COOP), resources readable by the same site only (CORP), the
 * powerful browser features off but the camera (the document uploader) and geolocation
 * (booking) for the site itself, and HSTS when the answer went over TLS. API answers are
 * never rendered as a page, and never cached unless the route said how (public reference
 * data such as the catalog's search index).
 */
import type { FastifyReply, FastifyRequest, onSendHookHandler } from 'fastify';

/**
 * `same-site`, not `same-origin`: a site on a sibling subdomain (`gorod.example` with the
 * API on `cabinet.gorod.example`) shows the QR image and downloads files from the API's host.
 */
export const crossOriginResourcePolicy = 'same-site';

/** The features a page of this server may use: the camera and geolocation, for itself only; the others not at all. */
export const permissionsPolicy = [
  'camera=(self)',
  'geolocation=(self)',
  ...[
    'accelerometer',
    'bluetooth',
    'display-capture',
    'gyroscope',
    'hid',
    'magnetometer',
    'microphone',
    'midi',
    'payment',
    'screen-wake-lock',
    'serial',
    'usb',
    'xr-spatial-tracking',
  ].map((feature) => `${feature}=()`),
].join(', ');

/** A year, subdomains included; sent only on answers that went over TLS, so plain-http development never pins it. */
export const strictTransportSecurity = 'max-age=31536000; includeSubDomains';

export const apiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

/**
 * The security headers of one answer. `api`: an API answer (never cached unless the route
 * said how, never a page); `https`: it went over TLS, to the server or to a trusted proxy.
 */
export function securityHeaderValues({ api, https }: { api: boolean; https: boolean }): Record<string, string> {
  return {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': crossOriginResourcePolicy,
    'permissions-policy': permissionsPolicy,
    ...(https ? { 'strict-transport-security': strictTransportSecurity } : {}),
    ...(api ? { 'cache-control': 'no-store', 'content-security-policy': apiContentSecurityPolicy } : {}),
  };
}

/**
 * Sets the security headers on `reply`. `request.protocol` is `https` when the socket is TLS,
 * or when a proxy the configuration trusts (TRUST_PROXY) says so in `X-Forwarded-Proto`.
 */
export function applySecurityHeaders(request: FastifyRequest, reply: FastifyReply): void {
  const api = request.url.startsWith('/api/');
  for (const [name, value] of Object.entries(securityHeaderValues({ api, https: request.protocol === 'https' }))) {
    // A route that said how its answer is cached keeps its Cache-Control.
    if (name === 'cache-control' && reply.hasHeader(name)) continue;
    reply.header(name, value);
  }
}

// A callback hook, not an async one: it runs on every answer, and needs no promise.
export const securityHeaders: onSendHookHandler = (request, reply, payload, done) => {
  applySecurityHeaders(request, reply);
  done(null, payload);
};
