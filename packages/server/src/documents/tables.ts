/**
 * The tables of the documents feature: the document vault and unfinished uploads;
 * migration `0006_documents` creates them.
 */
import type { FileKind } from '@mfc-cabinet/core/file-signatures';

/** Who put a document in the vault: the citizen (an upload) or an МФЦ operator (a result). */
export type DocumentSource = 'citizen' | 'operator';

/** A document of a citizen's vault; its bytes are the file named by its id in the vault folder. */
export type DocumentsTable = {
  /** Sortable: a later document has a greater id. */
  id: string;
  accountId: string;
  /** What the document is, e.g. «Устав», `passport`; `result` for a result issued by an МФЦ. */
  kind: string;
  /** The file's name, without folders, its extension matching `fileType`. */
  name: string;
  size: number;
  /** The type its bytes showed. */
  fileType: FileKind;
  source: DocumentSource;
  /** For a result: the application it was issued for. */
  applicationId: string | null;
  /** For a result: the officer who issued it. */
  issuedBy: string | null;
  createdAt: number;
  /**
   * When the citizen deleted it from the vault while an application already submitted
   * holds it (or it is a result): it stays for the МФЦ, hidden from the citizen.
   */
  deletedAt: number | null;
};

/** A tus upload of a citizen: who owns it, what it is for, until when it is kept. */
export type UploadsTable = {
  /** The tus upload id (32 hex digits). */
  id: string;
  accountId: string;
  kind: string;
  /** The file's name, without folders. */
  name: string;
  /** The application and documents field whose limits apply; `null` for the vault's defaults. */
  applicationId: string | null;
  fieldId: string | null;
  /** JSON: `FileKind[]`, the types accepted. */
  accept: string;
  /** Bytes. */
  maxSize: number;
  /** `Upload-Length`; `null` while deferred. */
  length: number | null;
  createdAt: number;
  /** After this an unfinished upload is gone; a finished one is forgotten (its document stays). */
  expiresAt: number;
  /** The document it became once finished and accepted. */
  documentId: string | null;
};

export interface DocumentTables {
  documents: DocumentsTable;
  uploads: UploadsTable;
}
