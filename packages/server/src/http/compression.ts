/**
 * Compression of the server's answers, by the client's `Accept-Encoding`: brotli, else gzip.
 * - Dynamic answers (API JSON, the site's page templates with their nonce, error pages) are
 *   compressed as they are sent, at a fast quality, by @fastify/compress;
 * - static files (the widget bundles, the site's stylesheet and images) are compressed once,
 *   at the best quality, and kept in memory (`precompressed.ts`), so they are sent as they are.
 * Never compressed: bodies under {@link compressionThreshold} bytes, types that do not
 * shrink (images other than SVG, PDF, archives), and `text/event-stream`, whose events must
 * reach the browser as soon as they are written.
 */
import { constants } from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import type { FastifyInstance, onSendAsyncHookHandler } from 'fastify';

/** Smaller bodies are sent as they are: compression would save less than its headers cost. */
export const compressionThreshold = 1024;

/** The content codings the server produces, best first. */
export const encodings = ['br', 'gzip'] as const;
export type Encoding = (typeof encodings)[number];

const compressibleTypes =
  /^(?:text\/(?:html|css|javascript|plain|csv|markdown|xml)|application\/(?:json|javascript|xml|(?:[\w.-]+\+)?json|[\w.-]+\+xml)|image\/svg\+xml)\s*(?:;|$)/i;

/** Whether a `Content-Type` is worth compressing; `text/event-stream` never is. */
export function isCompressible(contentType: string | undefined): boolean {
  return contentType !== undefined && compressibleTypes.test(contentType);
}

/**
 * The coding to send for `accept-encoding`: brotli, else gzip, whichever the client accepts
 * among `available` (`q=0` refuses one, `*` accepts any); `undefined` for the body as it is.
 */
export function negotiateEncoding(
  acceptEncoding: string | string[] | undefined,
  available: readonly Encoding[] = encodings,
): Encoding | undefined {
  if (acceptEncoding === undefined) return undefined;
  const weights = new Map<string, number>();
  for (const item of String(acceptEncoding).toLowerCase().split(',')) {
    const [name = '', ...params] = item.split(';').map((part) => part.trim());
    const q = params.find((param) => param.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    if (name) weights.set(name, Number.isFinite(weight) ? weight : 0);
  }
  let best: Encoding | undefined;
  let bestWeight = 0;
  for (const encoding of available) {
    const weight = weights.get(encoding) ?? weights.get('*') ?? 0;
    if (weight > bestWeight) [best, bestWeight] = [encoding, weight];
  }
  return best;
}

/** Adds `accept-encoding` to the `Vary` header of `reply` (lower case, as @fastify/compress looks for it). */
export function varyOnEncoding(reply: { getHeader(name: string): unknown; header(name: string, value: string): unknown }): void {
  const current = reply.getHeader('vary');
  const values = (Array.isArray(current) ? current : current === undefined ? [] : [String(current)]).flatMap((value: string) =>
    value.split(',').map((part) => part.trim()).filter(Boolean),
  );
  if (values.some((value) => value === '*' || value.toLowerCase() === 'accept-encoding')) return;
  reply.header('vary', [...values, 'accept-encoding'].join(', '));
}

/**
 * A compressible answer depends on `Accept-Encoding` even when it is sent as it is (the
 * client accepted no coding): say so, so that no cache hands it to another client.
 */
const varyCompressible: onSendAsyncHookHandler = async (_request, reply) => {
  if (isCompressible(reply.getHeader('content-type') as string | undefined)) varyOnEncoding(reply);
};

/** Registers compression of dynamic answers on `app`; call it before any route is added. */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(fastifyCompress, {
    globalCompression: true,
    // Request bodies stay as sent: inflating them would let a small upload grow past the body limit.
    globalDecompression: false,
    encodings: [...encodings],
    threshold: compressionThreshold,
    customTypes: isCompressible,
    // Fast enough to compress every answer: brotli 4 still beats gzip's best.
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
    zlibOptions: { level: 6 },
  });
  app.addHook('onSend', varyCompressible);
}
