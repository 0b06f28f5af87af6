/**
 * The contract of the document vault: the citizen's documents (scans of the passport,
 * СНИЛС, …) uploaded once and attached to several applications, and the results an МФЦ
 * issues. Files arrive by tus resumable uploads at `uploads`; see the README.
 */
import * as z from 'zod/mini';
import { FileKind } from '../catalog/schemas.js';
import { isoDateTime } from '../primitives.js';

/** The kind of the documents an МФЦ operator issues as the result of an application. */
export const resultDocumentKind = 'result';

/**
 * The header with the id of the document an upload became, on the answer that finished it
 * (and on `HEAD` of a finished upload, so that a client that lost that answer learns it).
 */
export const uploadDocumentHeader = 'cabinet-document-id';

/** A document of the citizen's vault. */
export const VaultDocument = z.object({
  id: z.string(),
  /**
   * What the document is, as the upload named it: one of the `documentKinds` of a service's
   * documents field (e.g. «Устав»), or a kind of the vault such as `passport`, `snils`;
   * `result` for a result an МФЦ issued.
   */
  kind: z.string(),
  /** The file's name as uploaded, without any folder. */
  name: z.string(),
  /** Bytes. */
  size: z.number(),
  /** The type recognised by the file's bytes, whatever its name or declared type said. */
  fileType: FileKind,
  createdAt: isoDateTime,
  /** For a result: the application it was issued for; `null` for the citizen's uploads. */
  applicationId: z.nullable(z.string()),
  /** For a result: the officer who issued it; `null` for the citizen's uploads. */
  issuedBy: z.nullable(z.string()),
  /** The citizen's applications it is attached to (drafts included). */
  attachedTo: z.array(z.string()),
});
export type VaultDocument = z.infer<typeof VaultDocument>;

/** The citizen's documents, newest first. */
export const VaultDocumentList = z.object({ documents: z.array(VaultDocument) });
export type VaultDocumentList = z.infer<typeof VaultDocumentList>;
