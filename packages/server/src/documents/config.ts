/** The documents section of the configuration: where uploaded files live, and how long an unfinished upload is kept. */
import { dataFolder, duration, integer, second } from '../settings.js';

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

/** How much one account may keep in the vault and upload at once (results issued by operators are not counted). */
export const documentLimitSettings = {
  maxOpenUploads: integer('MAX_OPEN_UPLOADS', 20, 'Unfinished uploads one account may have at a time; one more is refused with `limit_reached` (409).'),
  maxVaultDocuments: integer(
    'MAX_VAULT_DOCUMENTS',
    100,
    "Documents one citizen may keep in the vault (deleted ones and results issued by operators are not counted); an upload beyond it is refused with `limit_reached` (409).",
  ),
  maxVaultBytes: integer(
    'MAX_VAULT_BYTES',
    500 * 1024 * 1024,
    "Bytes one citizen's vault may hold (500 MB), unfinished uploads counted by their declared length; an upload beyond it is refused with `limit_reached` (409).",
  ),
};
