import ky, { HTTPError, NetworkError, TimeoutError, type KyInstance, type Options } from 'ky';
import type * as z from 'zod/mini';
import { CabinetError, type CabinetErrorCode } from './errors.js';
import { errorMessagesRu, loadErrorMessages, type ErrorMessages, type Locale } from './messages.js';
import { backgroundHeader, sessionIdleHeader } from './auth/schemas.js';
import { Problem } from './problem.js';

export interface HttpOptions {
  /** The root of the Cabinet API, absolute or relative to the page. */
  baseUrl: string;
  locale: Locale;
  fetch?: typeof globalThis.fetch;
  timeout?: number;
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** Headers to send besides those the SDK sets. */
  headers?: Record<string, string>;
  /**
   * Made by the page on its own, not by the citizen — polling, a look for updates when the
   * tab comes back: the server does not count it as use of the session, so a page left
   * open does not keep an idle session alive.
   */
  background?: boolean;
}

const statusCodes: Record<number, CabinetErrorCode> = {
  400: 'malformed_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  410: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

/**
 * The one HTTP channel of a client: JSON to and from the Cabinet API, the CSRF header on
 * state-changing requests, retries for idempotent ones, and every failure turned into a
 * {@link CabinetError}.
 */
export class Http {
  /** Set by the auth client from the session; sent as `X-CSRF-Token`. */
  csrfToken: string | undefined;
  /** Called when the server says the session is gone. */
  onSessionLost: ((code: CabinetErrorCode) => void) | undefined;
  /** Called with the seconds an idle session has left, whenever an answer tells. */
  onSessionIdle: ((seconds: number) => void) | undefined;
  readonly locale: Locale;
  /**
   * Where everything this client keeps in the browser belongs: the absolute base URL of the
   * API. Every name of a storage key, BroadcastChannel, Web Lock, IndexedDB database or
   * record derives from it (see {@link scoped}), so that two APIs never share data and a
   * client of the same API finds what an earlier one (or an earlier version) left.
   */
  readonly scope: string;
  readonly #ky: KyInstance;
  #messages: ErrorMessages = errorMessagesRu;
  /** Settles when the messages of the locale are loaded (at once for Russian). */
  readonly #ready: Promise<void>;

  constructor(options: HttpOptions) {
    this.locale = options.locale;
    const page = typeof location === 'object' ? location.href : 'http://localhost/';
    this.scope = new URL(options.baseUrl.replace(/\/?$/, '/'), page).href;
    this.#ready = loadErrorMessages(options.locale).then(
      (messages) => void (this.#messages = messages),
      () => undefined,
    );
    this.#ky = ky.create({
      prefix: this.scope,
      credentials: 'include',
      timeout: options.timeout ?? 15_000,
      retry: { limit: 2, methods: ['get', 'head', 'options'], statusCodes: [408, 502, 503, 504] },
      ...(options.fetch ? { fetch: options.fetch } : {}),
      headers: { accept: 'application/json', 'accept-language': options.locale },
      hooks: {
        afterResponse: [
          ({ response }) => {
            const idle = response.headers.get(sessionIdleHeader);
            if (idle !== null && /^\d+$/.test(idle)) this.onSessionIdle?.(Number(idle));
          },
        ],
        beforeRequest: [
          ({ request }) => {
            if (this.csrfToken && !['GET', 'HEAD', 'OPTIONS'].includes(request.method)) {
              request.headers.set('x-csrf-token', this.csrfToken);
            }
          },
        ],
      },
    });
  }

  /** The absolute URL of a path of the API (`''` for its root), for links and `<img src>`. */
  url(path: string): string {
    return this.scope + path.replace(/^\//, '');
  }

  /** A name in this client's scope: `prefix` then the scope (`mfc-cabinet:auth:https://…/api/v1/`). */
  scoped(prefix: string): string {
    return prefix + this.scope;
  }

  /**
   * A request with headers and a binary body of the caller's (the upload client's), to an
   * API path or an absolute URL the API gave: the answer itself, to read its headers (or
   * a file's bytes: the profile's data export). No
   * retries and no timeout (the caller has its own), but the CSRF header, the session
   * tracking and the one mapping of failures (problem+json included) to a
   * {@link CabinetError}.
   */
  raw(method: 'get' | 'post' | 'head' | 'patch' | 'delete', url: string, init: { headers?: Record<string, string>; body?: Blob; signal?: AbortSignal | undefined } = {}): Promise<Response> {
    return this.#request(method, new URL(url, this.scope).href, { headers: init.headers, ...(init.body ? { body: init.body } : {}), retry: 0, timeout: false, prefix: '' }, { ...(init.signal ? { signal: init.signal } : {}) });
  }

  /** The message of an error code in the client's language. */
  message(code: CabinetErrorCode): string {
    return this.#messages[code];
  }

  get<S extends z.ZodMiniType>(path: string, schema: S, options: RequestOptions = {}): Promise<z.infer<S>> {
    return this.#send('get', path, undefined, schema, options);
  }

  post<S extends z.ZodMiniType>(
    path: string,
    body: unknown,
    schema: S,
    options: RequestOptions = {},
  ): Promise<z.infer<S>> {
    return this.#send('post', path, body, schema, options);
  }

  put<S extends z.ZodMiniType>(path: string, body: unknown, schema: S, options: RequestOptions = {}): Promise<z.infer<S>> {
    return this.#send('put', path, body, schema, options);
  }

  /** A state-changing request whose answer has no body (204). */
  async postEmpty(path: string, body?: unknown, options: RequestOptions = {}): Promise<void> {
    await this.#send('post', path, body, undefined, options);
  }

  async delete(path: string, options: RequestOptions = {}): Promise<void> {
    await this.#send('delete', path, undefined, undefined, options);
  }

  /** A DELETE whose answer has a body. */
  deleteFor<S extends z.ZodMiniType>(path: string, schema: S, options: RequestOptions = {}): Promise<z.infer<S>> {
    return this.#send('delete', path, undefined, schema, options);
  }

  /**
   * A GET with `If-None-Match`: `undefined` when the server answers 304 (what the caller
   * holds is current), else the answer with its `ETag` (`null` when none was sent or the
   * browser does not expose it across origins).
   */
  async getIfChanged<S extends z.ZodMiniType>(
    path: string,
    schema: S,
    etag: string | undefined,
    options: RequestOptions = {},
  ): Promise<{ data: z.infer<S>; etag: string | null } | undefined> {
    const headers = etag ? { 'if-none-match': etag } : {};
    const response = await this.#request('get', path, { headers, throwHttpErrors: (status) => status !== 304 }, options);
    if (response.status === 304) return undefined;
    return { data: await this.#parse(response, schema), etag: response.headers.get('etag') };
  }

  async #send<S extends z.ZodMiniType>(
    method: 'get' | 'post' | 'put' | 'delete',
    path: string,
    body: unknown,
    schema: S | undefined,
    options: RequestOptions,
  ): Promise<z.infer<S>> {
    const response = await this.#request(method, path, body === undefined ? {} : { json: body }, options);
    return schema ? this.#parse(response, schema) : (undefined as z.infer<S>);
  }

  async #request(
    method: 'get' | 'post' | 'put' | 'delete' | 'head' | 'patch',
    path: string,
    init: Pick<Options, 'json' | 'headers' | 'throwHttpErrors' | 'body' | 'retry' | 'timeout' | 'prefix'>,
    options: RequestOptions,
  ): Promise<Response> {
    await this.#ready;
    try {
      const headers = { ...options.headers, ...(init.headers as Record<string, string> | undefined), ...(options.background ? { [backgroundHeader]: '1' } : {}) };
      return await this.#ky(init.prefix === '' ? path : path.replace(/^\//, ''), { method, ...init, headers, ...(options.signal ? { signal: options.signal } : {}) });
    } catch (error) {
      throw this.#toCabinetError(error);
    }
  }

  async #parse<S extends z.ZodMiniType>(response: Response, schema: S): Promise<z.infer<S>> {
    let data: unknown;
    try {
      data = await response.json();
    } catch (error) {
      throw this.#toCabinetError(error);
    }
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      throw new CabinetError('invalid_response', {
        message: this.message('invalid_response'),
        cause: parsed.error,
      });
    }
    return parsed.data;
  }

  #toCabinetError(error: unknown): CabinetError {
    const messages = this.#messages;
    if (error instanceof HTTPError) {
      const status = error.response.status;
      const problem = Problem.safeParse(error.data);
      if (problem.success) {
        const { code } = problem.data;
        if (code === 'session_expired' || code === 'unauthenticated') this.onSessionLost?.(code);
        return new CabinetError(code, {
          status,
          message: this.locale === 'ru' ? (problem.data.detail ?? messages[code]) : messages[code],
          fieldErrors: problem.data.errors ?? [],
          retryAfter: problem.data.retryAfter,
          attemptsLeft: problem.data.attemptsLeft,
          cause: error,
        });
      }
      const code = status >= 500 ? 'server_unavailable' : (statusCodes[status] ?? 'invalid_response');
      return new CabinetError(code, { status, message: messages[code], cause: error });
    }
    if (error instanceof TimeoutError) return new CabinetError('timeout', { message: messages.timeout, cause: error });
    if (error instanceof NetworkError) return new CabinetError('network', { message: messages.network, cause: error });
    if (error instanceof DOMException && error.name === 'AbortError') {
      return new CabinetError('aborted', { message: messages.aborted, cause: error });
    }
    if (error instanceof SyntaxError) {
      return new CabinetError('invalid_response', { message: messages.invalid_response, cause: error });
    }
    return new CabinetError('network', { message: messages.network, cause: error });
  }
}
