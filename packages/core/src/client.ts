import features from './features.js';
import type { CacheKind } from './cache/public-db.js';
import { Http } from './http.js';
import type { Locale } from './messages.js';
import { httpOf } from './internal.js';
import { once } from './lazy.js';

/** A sub-client whose code loads lazily answers `prepare()` by loading it and preparing what its first call reads. */
interface Preparable {
  prepare?: () => Promise<void>;
}

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
   * Where data is kept between visits: `indexeddb`, so that search works offline, pages
   * open with data on screen and writes made offline survive a reload, or `memory` for
   * nothing kept. Public data (the catalog) goes to a database logout leaves alone; the
   * citizen's own (applications, drafts, the outbox of writes) to one database per
   * citizen, encrypted with a non-extractable AES-GCM key and deleted at logout. Where
   * there is no IndexedDB (Node) or no Web Crypto (plain http other than localhost), memory.
   *
   * @default 'indexeddb'
   */
  cache?: CacheKind;
}

/** The sub-clients, one per entry of `features.ts`. */
export type SubClients = { readonly [Name in keyof typeof features]: ReturnType<(typeof features)[Name]> };

/** The SDK: one sub-client per area of the cabinet (`auth`, `catalog`, `applications`, `documents`, `profile`), sharing one HTTP channel. */
export interface CabinetClient extends SubClients {
  readonly baseUrl: string;
  readonly locale: Locale;
  /**
   * Starts loading the code of these sub-clients and opening what their first calls read
   * (the citizen's encrypted cache, the cached catalog), ahead of those calls: for example
   * while the element that will use them is still being fetched. It never fails; a failure
   * shows on the first real call.
   *
   * @example
   * ```ts
   * client.prepare('applications');
   * ```
   */
  prepare(...names: (keyof SubClients)[]): void;
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
  const http = new Http({ baseUrl: options.baseUrl ?? '/api/v1', locale, fetch: options.fetch, timeout: options.timeout });
  const cache = options.cache;
  const client = {
    baseUrl: http.url(''),
    locale,
    close: () => client.auth.close(),
    // A lazy sub-client loads its code for any call, then calls the loaded store's prepare().
    prepare: (...names: (keyof SubClients)[]) =>
      names.forEach((name) => void (client[name] as unknown as Preparable).prepare?.()?.catch(() => undefined)),
  } as Record<string, unknown> & CabinetClient;
  // Every sub-client but auth loads its code with its first call (lazySubClient).
  // A chunk that could not be fetched (offline) is asked for again on the next call.
  const userSession = once(() => import('./cache/user-session.js').then(({ UserSession }) => new UserSession(http, client.auth, cache)));
  for (const [name, feature] of Object.entries(features)) client[name] = feature({ http, client, cache, userSession });
  httpOf.set(client, http);
  return client;
}
