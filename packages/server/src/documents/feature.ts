/** The document vault, resumable uploads that become documents, results issued by operators. */
import type { ServerFeature } from '../feature.js';
import { apiPrefix } from '../http/openapi.js';
import { FileContents } from './contents-check.js';
import { DocumentFiles } from './files.js';
import { documentRoutes } from './documents-routes.js';
import { documentsMigrations } from './migrations.js';
import { operatorDocumentRoutes } from './operator-routes.js';
import { documentsRetention } from './retention.js';
import type { DocumentTables } from './tables.js';
import { tusRequestHeaders, uploadRoutes } from './uploads-routes.js';
import { purgeEveryMs, purgeJob, Uploads } from './uploads.js';
import { DocumentVault } from './vault.js';
import { VaultQuota } from './vault-quota.js';

export interface DocumentServices {
  /** The citizen's documents and the results operators issue. */
  documents: DocumentVault;
  /** Resumable uploads (tus) that become documents. */
  uploads: Uploads;
  /** The check of what a stored file really is, in a worker thread. */
  fileContents: FileContents;
  /** Where the files of the documents and the uploads are. */
  documentFiles: DocumentFiles;
}

export const documentsFeature: ServerFeature<DocumentTables, DocumentServices> = {
  name: 'documents',
  retention: documentsRetention,
  tags: [
    { name: 'documents', description: 'The document vault: files, attaching them to applications, results.' },
    { name: 'uploads', description: 'Resumable uploads (tus 1.0) that become documents.' },
  ],
  migrations: documentsMigrations,
  services({ config, clock, db, jobs, log, catalog, applications, audit }) {
    const files = new DocumentFiles(config.documentsDir);
    const fileContents = new FileContents({ log });
    const documents = new DocumentVault({ db, clock, catalog, applications, files, contents: fileContents, audit });
    const quota = new VaultQuota({ db, clock, limits: config.limits });
    const uploads = new Uploads({ db, clock, files, contents: fileContents, vault: documents, quota, jobs, log, ttlMs: config.uploadTtlMs, path: `${apiPrefix}/uploads` });
    return { documents, uploads, fileContents, documentFiles: files };
  },
  jobs: ({ uploads }) => ({
    // Unfinished uploads that expired are purged every ten minutes, by one instance.
    [purgeJob]: { every: purgeEveryMs, run: () => uploads.runPurge() },
  }),
  start(app, { fileContents }) {
    // The thread that checks files ends with the server.
    app.addHook('onClose', () => fileContents.close());
  },
  requestHeaders: tusRequestHeaders,
  async routes(api, { context }) {
    await api.register(uploadRoutes, { context });
    await api.register(documentRoutes, { context });
    await api.register(operatorDocumentRoutes, { context });
  },
};
