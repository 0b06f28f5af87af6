import { createCabinetClient, type CabinetClient, type Locale } from '@mfc-cabinet/core';

const clients = new Map<string, CabinetClient>();

/**
 * The client of a standalone widget. Widgets on one page with the same `api-base` share
 * one client, so they share one session state.
 */
export function sharedClient(apiBase: string, locale: Locale): CabinetClient {
  const key = `${locale} ${new URL(apiBase, document.baseURI).href}`;
  let client = clients.get(key);
  if (!client) {
    client = createCabinetClient({ baseUrl: apiBase, locale });
    clients.set(key, client);
  }
  return client;
}
