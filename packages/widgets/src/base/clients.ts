import { createCabinetClient, type CabinetClient } from '@mfc-cabinet/core';
import { toLocale } from '../i18n/registry.js';

const clients = new Map<string, CabinetClient>();

/** The API root a widget uses when it is given none. */
export const defaultApiBase = '/api/v1';

/**
 * The one client of an API root on this page. `<mfc-cabinet>` and the standalone widgets
 * with the same `api-base` share it, so they share one session state, one cache and one
 * request for the session. Language is each element's own setting, not a reason for a
 * second client: the client asks the server for messages in the page's language (`<html
 * lang>`), and an element in another language shows its own strings for an error's `code`.
 */
export function sharedClient(apiBase: string = defaultApiBase): CabinetClient {
  const key = new URL(apiBase, document.baseURI).href;
  let client = clients.get(key);
  if (!client) {
    client = createCabinetClient({ baseUrl: apiBase, locale: toLocale(document.documentElement.lang) });
    clients.set(key, client);
  }
  return client;
}

/**
 * The client an element not yet defined will use, as {@link MfcElement} chooses it: its
 * own `api-base`, else that of the `<mfc-cabinet>` around it, else `/api/v1`. `undefined`
 * when a page script gave it (or that cabinet) a client of its own.
 */
export function clientOf(element: Element): CabinetClient | undefined {
  const cabinet = element.closest('mfc-cabinet');
  for (const holder of [element, cabinet]) {
    if (holder && 'client' in holder && holder.client) return undefined;
    const apiBase = holder?.getAttribute('api-base');
    if (apiBase) return sharedClient(apiBase);
  }
  return sharedClient();
}

/** Closes and forgets every shared client (tests start each case with a page's first client). */
export function closeSharedClients(): void {
  for (const client of clients.values()) client.close();
  clients.clear();
}
