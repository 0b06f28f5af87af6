/**
 * Static files compressed once: the first request for a file (or the warm-up at start)
 * reads it and compresses it with brotli 11 and gzip 9, and every later request is sent
 * those bytes from memory. A file that changed on disk (another build) is read again: each
 * request compares its size and modification time, which costs one `stat`.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { matchesEntityTag } from './etag.js';
import { compressionThreshold, encodings, negotiateEncoding, varyOnEncoding, type Encoding } from './compression.js';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** The types of the files this cache holds; other files are streamed from disk as they are. */
const types: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

/** The `Content-Type` of `path` when it is a file this cache serves, else `undefined`. */
export const precompressedType = (path: string): string | undefined => types[extname(path).toLowerCase()];

interface Variant {
  body: Buffer;
  etag: string;
}

interface Entry {
  /** Size and modification time of the file when it was read. */
  version: string;
  type: string;
  identity: Variant;
  /** Missing for files under the threshold, which are always sent as they are. */
  br?: Variant;
  gzip?: Variant;
}

export class PrecompressedFiles {
  readonly #root: string;
  readonly #entries = new Map<string, Promise<Entry | undefined>>();

  /** Files of `root`, a folder that may not exist (yet). */
  constructor(root: string) {
    this.#root = resolve(root);
  }

  /**
   * The file at `relativePath` (a `/`-separated path inside the folder, already decoded),
   * as it is now on disk; `undefined` when it is missing, not a regular file, a dotfile or
   * of a type this cache does not hold.
   */
  async get(relativePath: string): Promise<Entry | undefined> {
    const type = precompressedType(relativePath);
    if (type === undefined || relativePath.includes('\0')) return undefined;
    if (relativePath.split('/').some((segment) => segment.startsWith('.') || segment === '')) return undefined;
    const file = resolve(this.#root, relativePath);
    if (!file.startsWith(this.#root + sep)) return undefined;
    let version: string;
    try {
      const stats = await stat(file);
      if (!stats.isFile()) return undefined;
      version = `${stats.size}-${stats.mtimeMs}-${stats.ino}`;
    } catch {
      return undefined;
    }
    const cached = this.#entries.get(file);
    if (cached) {
      const entry = await cached;
      if (entry?.version === version) return entry;
    }
    const loading = load(file, type, version).catch(() => undefined);
    this.#entries.set(file, loading);
    return loading;
  }

  /** Compresses, in the background, every file of `extensions` in the folder (recursively). */
  warm(extensions: readonly string[] = ['.js', '.css', '.svg']): Promise<void> {
    const visit = async (dir: string, prefix: string): Promise<void> => {
      const children = await readdir(dir, { withFileTypes: true }).catch(() => []);
      for (const child of children) {
        if (child.name.startsWith('.')) continue;
        const path = `${prefix}${child.name}`;
        if (child.isDirectory()) await visit(join(dir, child.name), `${path}/`);
        else if (extensions.includes(extname(child.name))) await this.get(path);
      }
    };
    return visit(this.#root, '');
  }

  /**
   * Answers `request` for the file at `relativePath` from memory: 200 with the best coding
   * the client accepts (or the file as it is), or 304 when its `If-None-Match` is current.
   * Returns `false`, having sent nothing, when the cache does not hold that file or the
   * request asks for a byte range: @fastify/static streams it then.
   */
  async send(request: FastifyRequest, reply: FastifyReply, relativePath: string): Promise<boolean> {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || request.headers.range !== undefined) return false;
    const entry = await this.get(relativePath);
    if (!entry) return false;
    const offered = encodings.filter((coding) => entry[coding] !== undefined);
    const encoding = negotiateEncoding(request.headers['accept-encoding'], offered);
    const variant = (encoding && entry[encoding]) || entry.identity;
    if (offered.length > 0) varyOnEncoding(reply);
    reply.header('etag', variant.etag);
    if (matchesEntityTag(request.headers['if-none-match'], variant.etag)) {
      await reply.code(304).send();
      return true;
    }
    if (variant !== entry.identity) reply.header('content-encoding', encoding as Encoding);
    await reply.type(entry.type).header('content-length', variant.body.length).send(variant.body);
    return true;
  }
}

async function load(file: string, type: string, version: string): Promise<Entry> {
  const body = await readFile(file);
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 22);
  const entry: Entry = { version, type, identity: { body, etag: `"${hash}"` } };
  if (body.length < compressionThreshold) return entry;
  const [br, gz] = await Promise.all([
    brotli(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        [constants.BROTLI_PARAM_MODE]: type.startsWith('text/') || type.includes('json') ? constants.BROTLI_MODE_TEXT : constants.BROTLI_MODE_GENERIC,
      },
    }),
    gzipAsync(body, { level: 9 }),
  ]);
  // A coding that would not make the file smaller is not offered.
  if (br.length < body.length) entry.br = { body: br, etag: `"${hash}-br"` };
  if (gz.length < body.length) entry.gzip = { body: gz, etag: `"${hash}-gz"` };
  return entry;
}
