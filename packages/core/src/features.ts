/**
 * The one list of the client's features. `createCabinetClient()` makes `client.<name>` from
 * each entry, in this order, and `CabinetClient` is typed from it. A feature is a folder —
 * `client.ts` (its public interface), `store.ts` (the code loaded on first use),
 * `schemas.ts` and `request-schemas.ts` (its part of the contract), `feature.ts` (how its
 * sub-client is made), `index.ts` (what it exports) — and these lines here: its import, its
 * entry, its re-export (which puts its types into `@mfc-cabinet/core` and its schemas into
 * `@mfc-cabinet/core/schemas`).
 */
import { applications } from './applications/feature.js';
import { auth } from './auth/feature.js';
import { catalog } from './catalog/feature.js';
import { documents } from './documents/feature.js';
import { profile } from './profile/feature.js';

export default { auth, catalog, applications, documents, profile };

export * from './auth/index.js';
export * from './catalog/index.js';
export * from './applications/index.js';
export * from './documents/index.js';
export * from './profile/index.js';
// Not a sub-client: an entry of its own (`@mfc-cabinet/core/operator`); only its contract is here.
export * from './operator/schemas.js';
