/**
 * Resumable uploads over tus 1.0 (core, creation, creation-with-upload, creation-defer-length,
 * termination, expiration) with `@tus/server` and its file store, mounted at
 * `/api/v1/uploads` behind the session and CSRF checks of every other route.
 *
 * - An upload belongs to the account that created it; another account's upload id is
 *   `not_found`, as if there were none.
 * - Its `Upload-Metadata` says what the file is and, optionally, the documents field of an
 *   application whose limits apply (see `UploadMetadata`); a declared `Upload-Length` over
 *   the limit is refused before any byte is sent.
 * - When the last byte arrives the file is checked by its bytes, never by its name or
 *   declared type: its signature, then (a PDF, JPG or PNG) that it parses or decodes as
 *   one, in a worker thread (`contents-check.ts`). A refused file is deleted and the answer
 *   says why («Файл больше 5 МБ», «Это не PDF, JPG или PNG», «Файл повреждён или это не
 *   PDF»); an accepted one is cut to its own end and moves into the vault, and the answer
 *   (and any later `HEAD`) names the document in `Cabinet-Document-Id`. The upload keeps
 *   the length that was sent, for tus; the document has the size that was kept.
 * - An unfinished upload expires `UPLOAD_TTL_SECONDS` after it started (by the server's one
 *   clock): `upload_expired`, and its bytes are purged in the background.
 * - Failures are `application/problem+json`; the tus statuses stay (409 for an
 *   `Upload-Offset` that does not match, 412 without `Tus-Resumable`, …).
 *
 * The checksum extension is not offered: `@tus/server` does not implement it.
 */
import { FileStore } from '@tus/file-store';
import { Server as TusServer, type Upload } from '@tus/server';
import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import { checkFile, checkSize, type FileKind } from '@mfc-cabinet/core/file-signatures';
import { uploadDocumentHeader } from '@mfc-cabinet/core/schemas';
import type { Account } from '../accounts/accounts.js';
import { ApiError } from '../api-error.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import { sendProblem } from '../http/problem.js';
import type { JobRunner } from '../jobs/runner.js';
import { orderedId } from '../security/tokens.js';
import type { FileContents } from './contents-check.js';
import type { DocumentFiles } from './files.js';
import { safeFileName, withExtension } from './names.js';
import { uploadCeiling, type Limits } from './limits.js';
import type { UploadsTable } from './tables.js';
import { readMetadata, toWebRequest, tusProblem, tusVersion } from './tus-protocol.js';
import type { DocumentVault } from './vault.js';
import type { VaultQuota } from './vault-quota.js';

/** The job that purges expired uploads (`documents/feature.ts` defines it, recurring every {@link purgeEveryMs}). */
export const purgeJob = 'documents:purge-expired-uploads';
/** A new upload queues a purge at most this often (by the server's clock); the recurring one runs this often. */
const purgeSoonMs = 60_000;
export const purgeEveryMs = 10 * 60_000;

/** What the hooks of one tus request know about it. */
interface RequestState {
  account: Account | undefined;
  /** The upload id of the URL. */
  id: string | undefined;
  row: UploadsTable | undefined;
  /** Why a hook refused the request, answered instead of what tus says. */
  failure?: ApiError;
}

/** Thrown in a tus hook: tus answers with this status, and {@link Uploads.handle} with the problem. */
class Refusal extends Error {
  readonly status_code: number;
  readonly body = '';

  constructor(readonly problem: ApiError) {
    super(problem.message);
    this.status_code = problem.status;
  }
}

export interface UploadsDeps {
  db: Database;
  clock: Clock;
  files: DocumentFiles;
  /** The check of what a finished upload really is. */
  contents: FileContents;
  vault: DocumentVault;
  /** The limits of unfinished uploads and of the vault (`MAX_OPEN_UPLOADS`, `MAX_VAULT_*`). */
  quota: VaultQuota;
  jobs: JobRunner;
  log: FastifyBaseLogger;
  /** How long an unfinished upload is kept. */
  ttlMs: number;
  /** The URL path of the tus endpoint, e.g. `/api/v1/uploads`. */
  path: string;
}

/**
 * tus's file store over the folder `DocumentFiles` made already (synchronously, at start):
 * the store's own check of it is an `fs.mkdir` nobody awaits, which throws outside any
 * request when the folder goes meanwhile (a test's server removed as it stops).
 */
class UploadsStore extends FileStore {}
// A private method in the store's typings, which its constructor calls: the folder exists.
Object.defineProperty(UploadsStore.prototype, 'checkOrCreateDirectory', { value: () => undefined });

export class Uploads {
  readonly #db: Database;
  readonly #clock: Clock;
  readonly #files: DocumentFiles;
  readonly #contents: FileContents;
  readonly #vault: DocumentVault;
  readonly #quota: VaultQuota;
  readonly #jobs: JobRunner;
  readonly #log: FastifyBaseLogger;
  readonly #ttlMs: number;
  readonly #store: FileStore;
  readonly #tus: TusServer;
  readonly #requests = new WeakMap<object, RequestState>();
  /** Uploads whose last bytes are being checked: a second finishing request waits for nothing and is refused. */
  readonly #finishing = new Set<string>();
  #lastPurge = Number.NEGATIVE_INFINITY;

  constructor({ db, clock, files, contents, vault, quota, jobs, log, ttlMs, path }: UploadsDeps) {
    this.#quota = quota;
    this.#db = db;
    this.#clock = clock;
    this.#files = files;
    this.#contents = contents;
    this.#vault = vault;
    this.#jobs = jobs;
    this.#log = log;
    this.#ttlMs = ttlMs;
    // Expiry is kept in the database by the server's clock, not by the store's own timer.
    this.#store = new UploadsStore({ directory: files.uploadsDir, expirationPeriodInMilliseconds: 0 });
    this.#tus = new TusServer({
      path,
      datastore: this.#store,
      relativeLocation: true,
      // CORS is the API's own (@fastify/cors with ALLOWED_ORIGINS), not tus's.
      allowedOrigins: () => false,
      // A declared Upload-Length is checked against the limits of its field when the upload is
      // created (with a message naming them); a deferred one against the ceiling until then.
      maxSize: (req) => this.#state(req).row?.maxSize ?? (req.headers.get('upload-length') === null ? uploadCeiling : 0),
      getFileIdFromRequest: (req) => this.#state(req).id,
      onUploadCreate: (req, upload) => this.#create(req, upload),
      onUploadFinish: (req, upload) => this.#finish(req, upload),
      onResponseError: (_req, error) => {
        if (!(error instanceof Refusal) && error instanceof Error) this.#log.error({ err: error }, 'upload failed');
        return undefined;
      },
    });
  }

  /**
   * Answers a tus request of `account` (`undefined` for `OPTIONS`, which needs no session).
   *
   * @throws {ApiError} the problem to answer
   */
  async handle(request: FastifyRequest, reply: FastifyReply, account: Account | undefined): Promise<FastifyReply> {
    const { id } = request.params as { id?: string };
    if (request.method !== 'OPTIONS') reply.header('tus-resumable', tusVersion);
    const state: RequestState = { account, id, row: undefined };
    if (id !== undefined && account) {
      const row = await this.#db.selectFrom('uploads').selectAll().where('id', '=', id).where('accountId', '=', account.id).executeTakeFirst();
      if (!row) throw new ApiError('not_found', { detail: 'Загрузка не найдена' });
      if (row.documentId !== null) return this.#finished(request, reply, row);
      if (row.expiresAt <= this.#clock.now()) {
        await this.#forget(row);
        throw new ApiError('upload_expired');
      }
      state.row = row;
    }
    const web = toWebRequest(request);
    this.#requests.set(web, state);
    const response = await this.#tus.handleWeb(web);
    if (state.failure) throw state.failure;
    for (const [name, value] of response.headers) {
      if (!/^(access-control-|content-length$|content-type$)/i.test(name)) reply.header(name, value);
    }
    if (response.status >= 400) return this.#problem(request, reply, response, state.row);
    if (request.method === 'DELETE' && id !== undefined) await this.#db.deleteFrom('uploads').where('id', '=', id).execute();
    const { row } = state;
    if (row && row.documentId === null && !response.headers.has(uploadDocumentHeader) && request.method !== 'DELETE') {
      reply.header('upload-expires', new Date(row.expiresAt).toUTCString());
    }
    return reply.code(response.status).send();
  }

  /** Deletes the unfinished uploads that expired and forgets the finished ones; returns how many were deleted. */
  async purgeExpired(): Promise<number> {
    const rows = await this.#db.selectFrom('uploads').selectAll().where('expiresAt', '<=', this.#clock.now()).execute();
    for (const row of rows) await this.#forget(row);
    return rows.filter(({ documentId }) => documentId === null).length;
  }

  /** The purge job's work: {@link purgeExpired}, logged. */
  async runPurge(): Promise<void> {
    const purged = await this.purgeExpired();
    if (purged > 0) this.#log.info({ purged }, 'expired uploads deleted');
  }

  /** Queues a purge now (besides the recurring one) unless this instance queued one within the last minute. */
  async schedulePurge(): Promise<void> {
    const now = this.#clock.now();
    if (now - this.#lastPurge < purgeSoonMs) return;
    this.#lastPurge = now;
    await this.#jobs.enqueue(purgeJob, null, { key: `${purgeJob}:soon` });
  }

  #state(req: object): RequestState {
    const state = this.#requests.get(req);
    if (!state) throw new Error('a tus request that Uploads.handle did not start');
    return state;
  }

  /** Makes tus answer `problem` (its status), and {@link handle} the problem itself. */
  #refuse(req: object, problem: ApiError): never {
    this.#state(req).failure = problem;
    throw new Refusal(problem);
  }

  /** `onUploadCreate`: the metadata, the limits that apply, the declared length; records the upload. */
  async #create(req: object, upload: Upload): Promise<{ metadata?: Record<string, string | null> }> {
    const state = this.#state(req);
    const account = state.account;
    if (!account) throw new Error('an upload without an account');
    const metadata = readMetadata(upload.metadata ?? {});
    if ('errors' in metadata) this.#refuse(req, new ApiError('validation_failed', { errors: metadata.errors }));
    const { applicationId, fieldId } = metadata;
    let limits: Limits;
    try {
      limits =
        applicationId !== undefined && fieldId !== undefined
          ? await this.#vault.limitsFor(account.id, applicationId, fieldId, { fieldId: 'metadata.fieldId' })
          : this.#vault.limitsOf();
    } catch (error) {
      if (error instanceof ApiError) this.#refuse(req, error);
      throw error;
    }
    if (upload.size !== undefined) {
      const tooLarge = checkSize(upload.size, limits);
      if (tooLarge) this.#refuse(req, new ApiError(tooLarge.code, { detail: tooLarge.message }));
    }
    await this.#quota.assertRoomToStart(account.id, upload.size).catch((error: unknown) => {
      if (error instanceof ApiError) this.#refuse(req, error);
      throw error;
    });
    const now = this.#clock.now();
    const row: UploadsTable = {
      id: upload.id,
      accountId: account.id,
      kind: metadata.kind,
      name: safeFileName(metadata.filename),
      applicationId: applicationId ?? null,
      fieldId: fieldId ?? null,
      accept: JSON.stringify(limits.accept),
      maxSize: limits.maxSize,
      length: upload.size ?? null,
      createdAt: now,
      expiresAt: now + this.#ttlMs,
      documentId: null,
    };
    await this.#db.insertInto('uploads').values(row).execute();
    state.row = row;
    await this.schedulePurge();
    return {};
  }

  /** `onUploadFinish`: the check by the bytes; the file becomes a document of the vault, or is deleted. */
  async #finish(req: object, upload: Upload): Promise<{ headers?: Record<string, string> }> {
    const state = this.#state(req);
    const row = state.row;
    if (!row) throw new Error(`upload ${upload.id} finished without its record`);
    if (this.#finishing.has(row.id)) this.#refuse(req, new ApiError('conflict', { detail: 'Файл уже проверяется: повторите запрос HEAD чуть позже' }));
    this.#finishing.add(row.id);
    try {
      const path = this.#files.uploadPath(row.id);
      const ends = await this.#files.ends(path);
      const check = checkFile(ends, { accept: JSON.parse(row.accept) as FileKind[], maxSize: row.maxSize });
      if (!check.ok) {
        await this.#forget(row);
        this.#refuse(req, new ApiError(check.code, { detail: check.message }));
      }
      // What it really is, in a worker thread; bytes after its end are cut off.
      const contents = await this.#contents.check(path, check.kind, ends.size);
      if (!contents.ok) {
        await this.#forget(row);
        this.#refuse(req, new ApiError('file_type_not_allowed', { detail: contents.message }));
      }
      const documentId = orderedId();
      await this.#files.adopt(path, documentId);
      try {
        await this.#db.transaction().execute(async (trx) => {
          await this.#quota.assertRoomToAdd(trx, row.accountId, contents.size);
          const name = withExtension(row.name, check.kind);
          await this.#vault.add({ id: documentId, accountId: row.accountId, kind: row.kind, name, size: contents.size, fileType: check.kind }, trx);
          await trx.updateTable('uploads').set({ documentId, length: ends.size }).where('id', '=', row.id).execute();
        });
      } catch (error) {
        await this.#files.remove(documentId);
        // The vault is full (`limit_reached`): the bytes are gone, so is the upload.
        if (error instanceof ApiError) await this.#forget(row).then(() => this.#refuse(req, error));
        throw error;
      }
      await this.#store.configstore.delete(row.id);
      return { headers: { [uploadDocumentHeader]: documentId } };
    } finally {
      this.#finishing.delete(row.id);
    }
  }

  /**
   * A finished upload, whose bytes are in the vault: `HEAD` says it is complete and names
   * the document (for a client that lost the last answer), a repeated last `PATCH` of no
   * bytes succeeds, anything else is `conflict`.
   */
  #finished(request: FastifyRequest, reply: FastifyReply, row: UploadsTable): FastifyReply {
    const length = String(row.length ?? 0);
    reply.header(uploadDocumentHeader, row.documentId);
    if (request.method === 'HEAD') {
      return reply.code(200).header('upload-offset', length).header('upload-length', length).header('cache-control', 'no-store').send();
    }
    const bytes = Number(request.headers['content-length'] ?? 0);
    if (request.method === 'PATCH' && request.headers['upload-offset'] === length && bytes === 0) {
      return reply.code(204).header('upload-offset', length).send();
    }
    throw new ApiError('conflict', { detail: 'Файл уже загружен и лежит в документах' });
  }

  /** A tus failure as a problem, with the tus status. */
  async #problem(request: FastifyRequest, reply: FastifyReply, response: Response, row: UploadsTable | undefined): Promise<FastifyReply> {
    const { status } = response;
    const said = await response.text();
    const [error, answered] = tusProblem(status, said, row?.maxSize ?? uploadCeiling);
    if (error.code === 'internal') request.log.error({ status, said }, 'tus answered with an unexpected status');
    else request.log.info({ status, said }, 'upload refused');
    return sendProblem(reply, error, answered);
  }

  /** Deletes an upload's record, and its bytes unless it became a document. */
  /** Deletes every upload of the account, finished or not, with the bytes of those not finished (the closure of the account). */
  async forgetAll(accountId: string): Promise<void> {
    const rows = await this.#db.selectFrom('uploads').selectAll().where('accountId', '=', accountId).execute();
    for (const row of rows) await this.#forget(row);
  }

  async #forget(row: UploadsTable): Promise<void> {
    if (row.documentId === null) {
      try {
        await this.#store.remove(row.id);
      } catch {
        // Gone already (terminated, or never written): nothing to delete.
      }
    }
    await this.#db.deleteFrom('uploads').where('id', '=', row.id).execute();
  }
}
