/**
 * Public answers kept serialized: the JSON bytes of a GET answer and their entity tag, by
 * key (the route and its query), so that reading them again costs neither queries nor
 * serialization. Every entry is dropped as soon as `version()` changes (the data they
 * were made from was written), and the least recently used go first beyond `maxBytes`.
 *
 * Only answers that are the same for everybody belong here: never one that depends on
 * the session, the account or anything else of the request but its key.
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest, preParsingHookHandler } from 'fastify';
import { entityTag, matchesEntityTag } from './etag.js';

export interface CachedReply {
  /** The answer's JSON, UTF-8. */
  body: Buffer;
  /** Its strong entity tag, quoted. */
  etag: string;
  /** Headers of the route's own, such as `cache-control`. */
  headers?: Readonly<Record<string, string>> | undefined;
}

/** What a missing entry is made of: the serialized answer and, optionally, the version its tag says. */
export interface MadeReply {
  /** As `reply.serialize()` gives it. */
  json: string | Buffer | ArrayBuffer;
  /** The entity tag's value; a hash of the bytes when not given. */
  tag?: string;
  /** Headers of the route's own, sent with it. */
  headers?: Readonly<Record<string, string>>;
}

export class ReplyCache {
  readonly #version: () => number;
  readonly #maxBytes: number;
  /** The version the entries were made at. */
  #madeAt: number;
  /** In order of use, the least recent first. */
  readonly #entries = new Map<string, CachedReply>();
  #bytes = 0;

  constructor(version: () => number, maxBytes = 8 * 1024 * 1024) {
    this.#version = version;
    this.#maxBytes = maxBytes;
    this.#madeAt = version();
  }

  /** The entry of `key` for the current version, if there is one. */
  peek(key: string): CachedReply | undefined {
    const version = this.#version();
    if (version !== this.#madeAt) this.#clear(version);
    const hit = this.#entries.get(key);
    if (hit) {
      this.#entries.delete(key);
      this.#entries.set(key, hit);
    }
    return hit;
  }

  /** The entry of `key`, made by `make` when there is none for the current version. */
  async get(key: string, make: () => Promise<MadeReply> | MadeReply): Promise<CachedReply> {
    const hit = this.peek(key);
    if (hit) return hit;
    const version = this.#madeAt;
    const { json, tag, headers } = await make();
    const body = typeof json === 'string' ? Buffer.from(json) : Buffer.isBuffer(json) ? json : Buffer.from(json);
    const made = { body, etag: entityTag(tag ?? createHash('sha256').update(body).digest('base64url')), headers };
    // Kept only when nothing was written while it was made: it might show the data before.
    if (this.#version() === version && this.#madeAt === version) this.#keep(key, made);
    return made;
  }

  #clear(version: number): void {
    this.#entries.clear();
    this.#bytes = 0;
    this.#madeAt = version;
  }

  #keep(key: string, entry: CachedReply): void {
    if (entry.body.length > this.#maxBytes) return;
    const previous = this.#entries.get(key);
    if (previous) this.#bytes -= previous.body.length;
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    this.#bytes += entry.body.length;
    for (const [oldest, { body }] of this.#entries) {
      if (this.#bytes <= this.#maxBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= body.length;
    }
  }
}

/**
 * Sends `cached` with its headers and `ETag`: `304` without a body when `If-None-Match` names it,
 * else the JSON as it was serialized.
 */
export function sendCached(request: FastifyRequest, reply: FastifyReply, cached: CachedReply): FastifyReply {
  for (const [name, value] of Object.entries(cached.headers ?? {})) {
    // `Vary` adds to what the reply varies by already (`Origin`, set by CORS).
    const before = name === 'vary' ? reply.getHeader('vary') : undefined;
    reply.header(name, before ? `${String(before)}, ${value}` : value);
  }
  reply.header('etag', cached.etag);
  if (matchesEntityTag(request.headers['if-none-match'], cached.etag)) return reply.code(304).send();
  return reply.type('application/json; charset=utf-8').send(cached.body);
}

/** The key of a request's entry: its URL, unless the answer depends on more of it (the language). */
export type ReplyKey = (request: FastifyRequest) => string;

/**
 * A `preParsing` hook answering the entry of the request's key (its URL, by default), when
 * `cache` has one, before the query is parsed and validated again (it was, when the entry
 * was made, and the same URL gives the same query); else the route runs, and keys its
 * entry the same way. `onRequest` hooks (the rate limit) have run by then.
 */
export function answerKept(cache: ReplyCache, keyOf: ReplyKey = (request) => request.url): preParsingHookHandler {
  return (request, reply, payload, done) => {
    const kept = cache.peek(keyOf(request));
    if (kept) sendCached(request, reply, kept);
    else done(null, payload);
  };
}
