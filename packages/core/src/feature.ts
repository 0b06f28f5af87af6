import type { CacheKind } from './cache/public-db.js';
import type { UserSession } from './cache/user-session.js';
import type { CabinetClient } from './client.js';
import type { Http } from './http.js';

/** What a feature's sub-client is made from (see `features.ts`). */
export interface FeatureContext {
  /** The one HTTP channel: requests, `url(path)`, the storage scope. */
  readonly http: Http;
  /**
   * The client being assembled: the sub-clients before this one in the list are there at
   * once, the others by the time any method is called.
   */
  readonly client: CabinetClient;
  readonly cache: CacheKind | undefined;
  /** The signed-in citizen's encrypted data (a chunk, loaded with the first call). */
  readonly userSession: () => Promise<UserSession>;
}

/** A feature of the client: makes its sub-client, which usually loads its code lazily (`lazySubClient`). */
export type Feature<T> = (context: FeatureContext) => T;

