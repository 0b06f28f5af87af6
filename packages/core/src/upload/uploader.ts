/**
 * Uploads of `client.documents` (a lazily loaded chunk): the check of a file by its bytes
 * before anything is sent, then tus with retries, while the file and where the upload
 * stands are kept in the citizen's encrypted database so that a reload can resume it.
 */
import type { UserSession } from '../cache/user-session.js';
import type { StoredUpload, UserData } from '../cache/user-db.js';
import type { VaultDocument } from '../documents/schemas.js';
import type { ResumeOptions, UploadOptions } from '../documents/client.js';
import { CabinetError, isCabinetError, type CabinetErrorCode } from '../errors.js';
import { checkFile, headBytes, tailBytes, type FileLimits } from '../file-signatures.js';
import type { Http } from '../http.js';
import { createUpload, sendFile, terminateUpload, type TusTransport } from './tus.js';

export const defaultChunkSize = 1024 * 1024;
export const defaultRetryDelays: readonly number[] = [1000, 2000, 4000, 8000, 16000, 30000];

/** Failures after which an upload may still go on (resumed later): it stays pending. */
const resumableCodes: ReadonlySet<CabinetErrorCode> = new Set([
  'network',
  'timeout',
  'server_unavailable',
  'rate_limited',
  'unauthenticated',
  'session_expired',
  'csrf_failed',
  'conflict',
  'invalid_response',
]);

export interface UploaderDeps {
  http: Http;
  user: UserSession;
  /** The tus endpoint, absolute. */
  endpoint: string;
  /** Ids of the uploads being sent now (shared with the store, which lists them). */
  active: Set<string>;
  getDocument: (id: string) => Promise<VaultDocument>;
  fieldLimits: (applicationId: string, fieldId: string) => Promise<FileLimits | undefined>;
}

export class Uploader {
  readonly #deps: UploaderDeps;
  readonly #transport: TusTransport;
  /** Cancels an upload being sent, by id. */
  readonly #controllers = new Map<string, AbortController>();

  constructor(deps: UploaderDeps) {
    this.#deps = deps;
    this.#transport = deps.http;
  }

  async upload(file: Blob & { readonly name?: string }, options: UploadOptions): Promise<VaultDocument> {
    const { applicationId, fieldId } = options;
    const limits = options.limits ?? (applicationId && fieldId ? await this.#deps.fieldLimits(applicationId, fieldId) : undefined);
    await this.#check(file, limits);
    const data = await this.#deps.user.requireData();
    const upload: StoredUpload = {
      id: crypto.randomUUID(),
      url: null,
      offset: 0,
      name: file.name ?? 'file',
      size: file.size,
      type: file.type,
      kind: options.kind,
      applicationId: applicationId ?? null,
      fieldId: fieldId ?? null,
      createdAt: Date.now(),
    };
    // Kept for a reload; where storage is refused the upload still goes, without that.
    await data.putUpload(upload, file).catch(() => undefined);
    return this.#run(data, upload, file, options);
  }

  async resume(id: string, options: ResumeOptions = {}): Promise<VaultDocument> {
    const data = await this.#deps.user.requireData();
    const upload = await data.upload(id);
    const file = upload && (await data.uploadFile(id));
    if (!upload || !file || this.#controllers.has(id)) {
      throw new CabinetError(upload ? 'conflict' : 'not_found', { message: this.#deps.http.message(upload ? 'conflict' : 'not_found') });
    }
    return this.#run(data, upload, file, options);
  }

  async cancel(id: string): Promise<void> {
    const running = this.#controllers.get(id);
    if (running) return running.abort();
    const data = await this.#deps.user.requireData();
    const upload = await data.upload(id);
    if (upload?.url) await terminateUpload(this.#transport, upload.url);
    await data.removeUpload(id);
  }

  async #check(file: Blob, limits: FileLimits | undefined): Promise<void> {
    const head = new Uint8Array(await file.slice(0, headBytes).arrayBuffer());
    const tail = file.size > headBytes ? new Uint8Array(await file.slice(-tailBytes).arrayBuffer()) : undefined;
    const check = checkFile({ head, tail, size: file.size }, limits);
    if (!check.ok) {
      const { http } = this.#deps;
      throw new CabinetError(check.code, { status: 0, message: http.locale === 'ru' ? check.message : http.message(check.code) });
    }
  }

  async #run(data: UserData, upload: StoredUpload, file: Blob, options: ResumeOptions): Promise<VaultDocument> {
    const { http, active } = this.#deps;
    const controller = new AbortController();
    const cancelled = () => controller.abort();
    if (options.signal?.aborted) controller.abort();
    options.signal?.addEventListener('abort', cancelled, { once: true });
    this.#controllers.set(upload.id, controller);
    active.add(upload.id);
    const send = {
      chunkSize: options.chunkSize ?? defaultChunkSize,
      retryDelays: options.retryDelays ?? defaultRetryDelays,
      signal: controller.signal,
      onRetry: options.onRetry,
    };
    const progress = () => options.onProgress?.({ sent: upload.offset, total: upload.size });
    try {
      progress();
      const fresh = upload.url === null;
      if (fresh) {
        const metadata = { filename: upload.name, kind: upload.kind, filetype: upload.type || undefined, applicationId: upload.applicationId ?? undefined, fieldId: upload.fieldId ?? undefined };
        upload.url = await createUpload(this.#transport, this.#deps.endpoint, upload.size, metadata, send);
        await data.putUpload(upload).catch(() => undefined);
      }
      const documentId = await sendFile(this.#transport, upload.url!, file, fresh ? { offset: 0, documentId: null } : null, {
        ...send,
        onOffset: (offset) => {
          upload.offset = offset;
          progress();
          void data.putUpload(upload).catch(() => undefined);
        },
      });
      const document = await this.#deps.getDocument(documentId);
      await data.removeUpload(upload.id).catch(() => undefined);
      return document;
    } catch (error) {
      if (controller.signal.aborted) {
        if (upload.url) await terminateUpload(this.#transport, upload.url).catch(() => undefined);
        await data.removeUpload(upload.id).catch(() => undefined);
        throw new CabinetError('aborted', { message: http.message('aborted'), cause: error });
      }
      const code = isCabinetError(error) ? error.code : 'internal';
      if (!resumableCodes.has(code)) await data.removeUpload(upload.id).catch(() => undefined);
      throw isCabinetError(error) ? error : new CabinetError('internal', { message: http.message('internal'), cause: error });
    } finally {
      options.signal?.removeEventListener('abort', cancelled);
      this.#controllers.delete(upload.id);
      active.delete(upload.id);
    }
  }
}
