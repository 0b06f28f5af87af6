/**
 * The public cache: what anyone may see (the catalog's search index and categories), kept
 * in IndexedDB between visits and left alone by logout. Records are keyed by the API's base
 * URL and the language ({@link publicKey}), so two Cabinet APIs on one site do not mix, nor
 * does an English page ever show the Russian catalog or the other way round.
 */
import { openDB, type DBSchema, type IDBPDatabase, type StoreNames, type StoreValue } from 'idb';
import type { CategoryList, SearchIndex } from '../catalog/schemas.js';

/** The search index as last fetched, with the `ETag` to revalidate it. */
export interface CachedSearchIndex {
  /** {@link publicKey}: the API and the language of the index. */
  key: string;
  etag: string;
  index: SearchIndex;
  storedAt: number;
}

export interface CachedCategories {
  key: string;
  list: CategoryList;
  storedAt: number;
}

interface PublicDbSchema extends DBSchema {
  'search-index': { key: string; value: CachedSearchIndex };
  categories: { key: string; value: CachedCategories };
}

type Store = StoreNames<PublicDbSchema>;
type Value<S extends Store> = StoreValue<PublicDbSchema, S>;

/** Name of the IndexedDB database. */
export const publicDbName = 'mfc-cabinet-public';
/** Raised whenever a record's shape changes; `upgrade()` then starts the stores afresh. */
const publicDbVersion = 2;

/** The key of a client's records: the API's base URL and the language its catalog is in. */
export const publicKey = (scope: string, locale: string): string => `${scope} ${locale}`;

/** Where a client keeps public data: IndexedDB, or memory only (Node, tests). */
export type CacheKind = 'indexeddb' | 'memory';

/** Reads and writes public records. A cache that cannot be opened behaves as an empty one. */
export interface PublicCache {
  get<S extends Store>(store: S, key: string): Promise<Value<S> | undefined>;
  put<S extends Store>(store: S, value: Value<S>): Promise<void>;
}

/** The public cache of this page: IndexedDB where there is one, else memory. */
export function openPublicCache(kind: CacheKind = 'indexeddb'): PublicCache {
  return kind === 'indexeddb' && typeof indexedDB === 'object' ? indexedDbCache : new MemoryCache();
}

let opening: Promise<IDBPDatabase<PublicDbSchema>> | undefined;

function database(): Promise<IDBPDatabase<PublicDbSchema>> {
  opening ??= openDB<PublicDbSchema>(publicDbName, publicDbVersion, {
    upgrade(db) {
      for (const store of [...db.objectStoreNames]) db.deleteObjectStore(store);
      db.createObjectStore('search-index', { keyPath: 'key' });
      db.createObjectStore('categories', { keyPath: 'key' });
    },
    // Another tab opens a newer version: let it, and open again on next use.
    blocking(_version, _newVersion, event) {
      (event.target as IDBDatabase).close();
      opening = undefined;
    },
    terminated() {
      opening = undefined;
    },
  });
  const opened = opening;
  opened.catch(() => opening === opened && (opening = undefined));
  return opened;
}

const indexedDbCache: PublicCache = {
  async get(store, key) {
    try {
      return await (await database()).get(store, key);
    } catch {
      return undefined;
    }
  },
  async put(store, value) {
    try {
      await (await database()).put(store, value);
    } catch {
      // Private mode or a full disk: the data is still used, just not kept.
    }
  },
};

class MemoryCache implements PublicCache {
  readonly #records = new Map<string, unknown>();

  async get<S extends Store>(store: S, key: string): Promise<Value<S> | undefined> {
    return this.#records.get(`${store} ${key}`) as Value<S> | undefined;
  }

  async put<S extends Store>(store: S, value: Value<S>): Promise<void> {
    this.#records.set(`${store} ${value.key}`, value);
  }
}
