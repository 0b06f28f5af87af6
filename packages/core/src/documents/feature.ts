import type { Feature } from '../feature.js';
import { lazySubClient } from '../lazy.js';
import type { DocumentsClient } from './client.js';

export const documents: Feature<DocumentsClient> = ({ http, client, userSession }) =>
  lazySubClient<DocumentsClient>(http, () => import('./store.js').then((m) => m.documentsStore(http, userSession, client)), {
    contentUrl: (id) => http.url(`documents/${encodeURIComponent(id)}/content`),
  });
