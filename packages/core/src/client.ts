import { AuthClient } from './auth.js';
import type { CacheKind } from './cache/public-db.js';
import { CatalogClient } from './catalog.js';
import { Http } from './http.js';
import type { Locale } from './messages.js';
import { httpOf } from './internal.js';
import { ProfileClient } from './profile.js';

/** Options of {@link createCabinetClient}. */
export interface CabinetClientOptions {
  /**
   * The root of the Cabinet API, absolute or relative to the page. It must be on the same
   * site as the page (the same host, a subdomain, or a path the site proxies), because the
   * session lives in a first-party HttpOnly cookie.
   *
   * @default '/api/v1'
   */
  baseUrl?: string;
  /** Language of error messages. @default 'ru' */
  locale?: Locale;
  /** A `fetch` to use instead of the global one (tests, Storybook, instrumentation). */
  fetch?: typeof globalThis.fetch;
  /** Milliseconds before a request fails with `timeout`. @default 15000 */
  timeout?: number;
  /**
   * Where public data (the catalog and its search index) is kept between visits:
   * `indexeddb`, so that search works offline and pages open with data on screen, or
   * `memory` for nothing kept. Where there is no IndexedDB (Node), memory.
   *
   * @default 'indexeddb'
   */
  cache?: CacheKind;
}

/** The SDK: one sub-client per area of the cabinet, sharing one HTTP channel. */
export interface CabinetClient {
  readonly baseUrl: string;
  readonly locale: Locale;
  readonly auth: AuthClient;
  readonly catalog: CatalogClient;
  readonly profile: ProfileClient;
  /** Stops listening to other tabs; the client is not used afterwards. */
  close(): void;
}

/**
 * Creates a client of the Cabinet API.
 *
 * @example
 * ```ts
 * import { createCabinetClient } from '@mfc-cabinet/core';
 *
 * const client = createCabinetClient({ baseUrl: '/api/v1' });
 * const result = await client.auth.login({ identifier: '+7 916 123-45-67', password });
 * if (result.status === 'code_required') {
 *   await client.auth.verifyCode({ challengeId: result.challenge.id, code: '123456' });
 * }
 * const profile = await client.profile.get();
 * const { services } = await client.catalog.search('справка о доходах');
 * ```
 */
export function createCabinetClient(options: CabinetClientOptions = {}): CabinetClient {
  const locale = options.locale ?? 'ru';
  const baseUrl = absoluteBaseUrl(options.baseUrl ?? '/api/v1');
  const http = new Http({ baseUrl, locale, fetch: options.fetch, timeout: options.timeout });
  const auth = new AuthClient(http, `mfc-cabinet:auth:${baseUrl}`);
  const client: CabinetClient = {
    baseUrl,
    locale,
    auth,
    catalog: new CatalogClient(http, baseUrl, options.cache),
    profile: new ProfileClient(http, baseUrl),
    close: () => auth.close(),
  };
  httpOf.set(client, http);
  return client;
}

function absoluteBaseUrl(baseUrl: string): string {
  const base = typeof location === 'object' ? location.href : 'http://localhost/';
  return new URL(baseUrl.replace(/\/?$/, '/'), base).href;
}
