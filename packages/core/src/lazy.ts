import { CabinetError } from './errors.js';
import type { Http } from './http.js';

/**
 * A sub-client whose code loads with its first call, so that a page pays only for the parts
 * of the SDK it uses: every method of `T` (all of which return promises) loads the module
 * once and then calls through. `eager` members are answered at once, without loading.
 * A module that cannot be fetched (offline before it was ever loaded) rejects with
 * `network`, and the next call tries again.
 */
export function lazySubClient<T extends object>(http: Http, load: () => Promise<object>, eager: Partial<T> = {}): T {
  const loaded = once(() => loadChunk(http, load));
  return new Proxy(eager as T, {
    get: (target, name) =>
      name in target || typeof name !== 'string' || name === 'then'
        ? (target as Record<PropertyKey, unknown>)[name]
        : (...args: unknown[]) => loaded().then((client) => (client as Record<string, (...args: unknown[]) => unknown>)[name]!(...args)),
  });
}

/** `load` run once and its promise kept, unless it rejects: then the next call runs it again. */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}

/** A lazily loaded chunk; failing to load it (offline, never cached) is a `network` error. */
export function loadChunk<T>(http: Http, load: () => Promise<T>): Promise<T> {
  return load().catch((cause: unknown) => {
    throw new CabinetError('network', { message: http.message('network'), cause });
  });
}
