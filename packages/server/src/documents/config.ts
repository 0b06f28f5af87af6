/** The documents section of the configuration: where uploaded files live, and how long an unfinished upload is kept. */
import { dataFolder, duration, second } from '../settings.js';

export const documentsSettings = {
  documentsDir: dataFolder(
    'DOCUMENTS_DIR',
    '<DATA_DIR>/documents',
    'Folder of uploaded files: unfinished uploads in `uploads/`, the files of the document vault in `vault/`; created when missing.',
  ),
  uploadTtlMs: duration(
    'UPLOAD_TTL_SECONDS',
    86_400,
    second,
    'How long an unfinished upload is kept, from its start; then it expires and its bytes are deleted.',
  ),
};
