/**
 * The public shape of `client.documents`. Its code loads with the first call; the upload
 * client (tus) is a chunk of its own, loaded with the first upload.
 */
import type { VaultDocument } from './schemas.js';
import type { FileKind, FileLimits } from '../file-signatures.js';
import type { RequestOptions } from '../http.js';
import type { Application } from '../applications/schemas.js';
import type { CabinetError } from '../errors.js';
/** How far an upload got. */
export interface UploadProgress {
  /** Bytes the server confirmed. */
  sent: number;
  /** The file's size. */
  total: number;
}

/** What an upload tells while it waits to try again after a dropped connection. */
export interface UploadRetry {
  /** 1 for the first retry after a failure, then 2, … */
  attempt: number;
  /** Milliseconds until it tries. */
  delay: number;
  /** Why: `network`, `timeout`, `server_unavailable` or `rate_limited`. */
  error: CabinetError;
}

/** Options of {@link DocumentsClient.resume}, and of an upload. */
export interface ResumeOptions {
  /** Called after every chunk the server confirmed (and once at the start). */
  onProgress?: (progress: UploadProgress) => void;
  /** Called before each wait to try again after a dropped connection: show «нет связи». */
  onRetry?: (retry: UploadRetry) => void;
  /**
   * Cancels the upload: it is deleted on the server and forgotten here, and the promise
   * rejects with `aborted`.
   */
  signal?: AbortSignal;
  /** Bytes per request. @default 1048576 (1 MiB) */
  chunkSize?: number;
  /**
   * Milliseconds to wait before each try after a dropped connection, from the offset the
   * server confirmed. When they run out the upload rejects with `network` and stays in
   * {@link DocumentsClient.pendingUploads}, to be resumed.
   *
   * @default [1000, 2000, 4000, 8000, 16000, 30000]
   */
  retryDelays?: readonly number[];
}

/** Options of {@link DocumentsClient.upload}. */
export interface UploadOptions extends ResumeOptions {
  /**
   * What the document is: a kind of the vault (`passport`, `snils`, …) or one of the
   * `documentKinds` of the service's documents field (e.g. «Устав»).
   */
  kind: string;
  /**
   * The application (a draft, or one that needs information) and its documents field the
   * file is meant for, both or neither: the field's limits apply, on both sides. The
   * document is not attached by the upload — call {@link DocumentsClient.attach}.
   */
  applicationId?: string;
  fieldId?: string;
  /**
   * The limits to check before sending, when known (types and size); without them and
   * without a field, PDF, JPG or PNG up to 5 MB. With `applicationId` and `fieldId` and no
   * `limits` they are read from the service of the application.
   */
  limits?: FileLimits;
}

/** An upload that has not finished, kept (encrypted) with its file until it does or is cancelled. */
export interface PendingUpload {
  /** Made in this browser; pass it to {@link DocumentsClient.resume} or {@link DocumentsClient.cancel}. */
  id: string;
  name: string;
  /** Bytes. */
  size: number;
  kind: string;
  applicationId: string | null;
  fieldId: string | null;
  /** Bytes the server had confirmed when last asked. */
  sent: number;
  /** `Date.now()` when it started. */
  startedAt: number;
  /** Whether it is being sent by this client right now. */
  active: boolean;
}

/**
 * The citizen's document vault and resumable uploads into it.
 *
 * An upload is checked first, here, by the file's bytes (the same checks the server runs),
 * so a wrong file fails at once — `file_type_not_allowed` «Это не PDF», `file_too_large`
 * «Файл больше 5 МБ» — without a request. Then it goes over tus in chunks: a dropped
 * connection is retried with backoff from the offset the server confirmed, and the file
 * and where it stands are kept in the citizen's encrypted database, so that after a reload
 * {@link pendingUploads} lists it and {@link resume} continues it without the file being
 * picked again. An explicit logout deletes them with the rest of the citizen's data.
 *
 * @example
 * ```ts
 * const document = await client.documents.upload(file, {
 *   kind: 'passport',
 *   onProgress: ({ sent, total }) => (bar.value = sent / total),
 * });
 * await client.documents.attach(document.id, draft.id, 'documents');
 * ```
 *
 * @example After a reload
 * ```ts
 * for (const upload of await client.documents.pendingUploads()) {
 *   const document = await client.documents.resume(upload.id, { onProgress: show });
 * }
 * ```
 */
export interface DocumentsClient {
  /**
   * The citizen's documents, newest first: uploads and the results an МФЦ issued.
   *
   * @param filters `kind`; `applicationId` for those attached to it (and its results)
   */
  list(filters?: { kind?: string; applicationId?: string }, options?: RequestOptions): Promise<VaultDocument[]>;

  /** One document. @throws {CabinetError} `not_found` (also another citizen's) */
  get(id: string, options?: RequestOptions): Promise<VaultDocument>;

  /**
   * Deletes a document: it leaves every draft; an application already submitted with it
   * keeps it for the МФЦ.
   */
  remove(id: string, options?: RequestOptions): Promise<void>;

  /**
   * Attaches a document of the vault to a documents field of an application (a draft, or
   * one that needs information and asked for it). Answers the application.
   *
   * @throws {CabinetError} `conflict`, `file_type_not_allowed`, `file_too_large` (the field's limits), `not_found`
   */
  attach(documentId: string, applicationId: string, fieldId: string, options?: RequestOptions): Promise<Application>;

  /** Takes a document off an application (every field it is in). Answers the application. */
  detach(documentId: string, applicationId: string, options?: RequestOptions): Promise<Application>;

  /** Where a document downloads from, for a link or `fetch`. Answered at once, without loading anything. */
  contentUrl(id: string): string;

  /**
   * Uploads a file to the vault, resumably. Resolves with the document it became.
   *
   * @throws {CabinetError} `file_type_not_allowed`, `file_too_large` (before any request, or
   *   by the server), `aborted` (cancelled), `network` (the retries ran out: it stays
   *   pending), `upload_expired`, `unauthenticated`, `conflict` (the application takes no
   *   documents now)
   */
  upload(file: Blob & { readonly name?: string }, options: UploadOptions): Promise<VaultDocument>;

  /** The uploads not finished (in this or an earlier page of the same citizen), oldest first. */
  pendingUploads(): Promise<PendingUpload[]>;

  /**
   * Continues a pending upload from the offset the server confirmed, with the file kept
   * here. Resolves with the document it became (at once when it had finished already).
   *
   * @throws {CabinetError} `not_found` (no such pending upload), and those of {@link upload}
   */
  resume(id: string, options?: ResumeOptions): Promise<VaultDocument>;

  /** Cancels a pending upload: deleted on the server and forgotten here. */
  cancel(id: string): Promise<void>;
}

export type { FileLimits };
