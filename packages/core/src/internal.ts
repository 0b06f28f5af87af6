import type { CabinetClient } from './client.js';
import type { Http } from './http.js';

/**
 * The HTTP channel behind each client, for sub-clients that live in entries of their own
 * (the operator API) and so are not built by `createCabinetClient()`.
 */
export const httpOf = new WeakMap<CabinetClient, Http>();
