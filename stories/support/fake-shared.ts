/**
 * What the parts of the fake Cabinet API (`fake-catalog.ts`, `fake-applications.ts`,
 * `fake-tracker.ts`, `fake-documents.ts`) share: a store per fake server, the session needs
 * of their endpoints, and answering with a handler (a problem answer of `fake-api.ts` is a
 * function of the request).
 */
import type { Application, ApplicationSummary } from '@mfc-cabinet/core';
import type { FakeCabinetApi, FakeRequest, Handler, Reply } from './fake-api.js';
import { problem } from './fake-api.js';

/** A store of each fake server, made by `make` on first use. */
export function perServer<T>(make: (api: FakeCabinetApi) => T): (api: FakeCabinetApi) => T {
  const stores = new WeakMap<FakeCabinetApi, T>();
  return (api) => {
    let store = stores.get(api);
    if (store === undefined) {
      store = make(api);
      stores.set(api, store);
    }
    return store;
  };
}

/** These endpoints all need the citizen's session, and use it. */
export function usingSession<E extends string>(endpoints: readonly E[]): Record<E, 'use'> {
  return Object.fromEntries(endpoints.map((endpoint) => [endpoint, 'use' as const])) as Record<E, 'use'>;
}

/** The reply of `handler` to `request`. */
export function answer(handler: Handler, request: FakeRequest, api: FakeCabinetApi): Reply {
  return typeof handler === 'function' ? handler(request, api) : handler;
}

/**
 * A problem answer to `request`. `problem()` is called when answering, not when a module is
 * loaded: fake-api.ts and its parts import each other.
 */
export function refuse(request: FakeRequest, api: FakeCabinetApi, ...args: Parameters<typeof problem>): Reply {
  return answer(problem(...args), request, api);
}

/** An application as the list shows it. */
export function summaryOf({ formVersion: _f, values: _v, documents: _d, requested: _r, history: _h, ...summary }: Application): ApplicationSummary {
  return summary;
}
