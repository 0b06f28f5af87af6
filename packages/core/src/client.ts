import type { ApplicationsClient } from './applications.js';
import { AuthClient } from './auth.js';
import type { CacheKind } from './cache/public-db.js';
import type { CatalogClient, SearchIndexListener } from './catalog.js';
import type { DocumentsClient } from './documents.js';
import { Http } from './http.js';
import type { Locale } from './messages.js';
import { httpOf } from './internal.js';
import { lazySubClient, loadChunk, once } from './lazy.js';
import type { ProfileClient } from './profile.js';

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

/** The SDK: one sub-client per area of the cabinet, sharing one HTTP channel. */
export interface CabinetClient {
  readonly baseUrl: string;
  readonly locale: Locale;
  readonly auth: AuthClient;
  readonly catalog: CatalogClient;
  readonly applications: ApplicationsClient;
  readonly documents: DocumentsClient;
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
  const cache = options.cache;
  // Every sub-client but auth loads its code with its first call (lazySubClient).
  // A chunk that could not be fetched (offline) is asked for again on the next call.
  const loadUserSession = once(() => import('./cache/user-session.js').then(({ UserSession }) => new UserSession(http, auth, baseUrl, cache)));
  const loadApplications = once(() =>
    Promise.all([import('./applications-store.js'), loadUserSession()]).then(([{ ApplicationsStore }, user]) => new ApplicationsStore(http, auth, user, baseUrl)),
  );
  // Signed in, the outbox of writes made offline goes out, and logout must wipe the
  // citizen's data even offline: that code is loaded as soon as someone signs in.
  auth.subscribe((state) => state.status === 'signed-in' && void loadApplications().catch(() => undefined));
  const indexListeners = new Set<SearchIndexListener>();
  const loadCatalog = () =>
    Promise.all([import('./catalog-store.js'), loadUserSession()]).then(
      ([{ CatalogStore }, user]) =>
        new CatalogStore(http, baseUrl, cache, user, indexListeners, () => loadChunk(http, () => import('./catalog-search.js'))),
    );
  const client: CabinetClient = {
    baseUrl,
    locale,
    auth,
    catalog: lazySubClient<CatalogClient>(http, loadCatalog, {
      onIndexUpdate(listener) {
        indexListeners.add(listener);
        return () => indexListeners.delete(listener);
      },
    }),
    applications: lazySubClient<ApplicationsClient>(http, loadApplications, { exportUrl: (format) => `${baseUrl}applications/export.${format}` }),
    documents: lazySubClient<DocumentsClient>(http, () => import('./documents-store.js').then((m) => m.documentsStore(http, loadUserSession, client, options.fetch)), {
      contentUrl: (id) => `${baseUrl}documents/${encodeURIComponent(id)}/content`,
    }),
    profile: lazySubClient<ProfileClient>(http, () => import('./profile-store.js').then(({ ProfileStore }) => new ProfileStore(http)), {
      identityQrUrl: `${baseUrl}profile/identity-confirmation/qr.svg`,
    }),
    close: () => auth.close(),
  };
  httpOf.set(client, http);
  return client;
}

function absoluteBaseUrl(baseUrl: string): string {
  const base = typeof location === 'object' ? location.href : 'http://localhost/';
  return new URL(baseUrl.replace(/\/?$/, '/'), base).href;
}
