/** The document vault, resumable uploads that become documents, results issued by operators. */
import { defineFeature } from '../feature.js';
import { documentRoutes } from './documents-routes.js';
import { documentsMigrations } from './migrations.js';
import { operatorDocumentRoutes } from './operator-routes.js';
import type { DocumentTables } from './tables.js';
import { tusRequestHeaders, uploadRoutes } from './uploads-routes.js';

export const documentsFeature = defineFeature<DocumentTables>({
  name: 'documents',
  tags: [
    { name: 'documents', description: 'The document vault: files, attaching them to applications, results.' },
    { name: 'uploads', description: 'Resumable uploads (tus 1.0) that become documents.' },
  ],
  migrations: documentsMigrations,
  requestHeaders: tusRequestHeaders,
  async routes(api, { context }) {
    await api.register(uploadRoutes, { context });
    await api.register(documentRoutes, { context });
    await api.register(operatorDocumentRoutes, { context });
  },
});
