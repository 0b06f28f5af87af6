/**
 * What `client.documents` does, loaded with its first call: the vault's requests, and the
 * list of pending uploads. Uploading itself (the checks, tus, keeping the file) is the
 * `upload/uploader.ts` chunk, loaded with the first upload, resume or cancel.
 */
import { Application } from '../applications/schemas.js';
import type { UserSession } from '../cache/user-session.js';
import type { CabinetClient } from '../client.js';
import { VaultDocument, VaultDocumentList } from './schemas.js';
import type { DocumentsClient, PendingUpload, ResumeOptions, UploadOptions } from './client.js';
import type { FileLimits } from '../file-signatures.js';
import type { Http, RequestOptions } from '../http.js';
import { loadChunk } from '../lazy.js';
import { withQuery } from '../query.js';
import type { Uploader } from '../upload/uploader.js';

/** Builds the store; `loadUser` opens the citizen's data. */
export async function documentsStore(
  http: Http,
  loadUser: () => Promise<UserSession>,
  client: Pick<CabinetClient, 'catalog' | 'applications'>,
): Promise<DocumentsStore> {
  return new DocumentsStore(http, await loadUser(), client);
}

/** `client.documents` but for `contentUrl`, which the client answers without loading this. */
export class DocumentsStore implements Omit<DocumentsClient, 'contentUrl'> {
  readonly #http: Http;
  readonly #user: UserSession;
  readonly #client: Pick<CabinetClient, 'catalog' | 'applications'>;
  /** Uploads this client is sending now. */
  readonly #active = new Set<string>();
  #uploader: Promise<Uploader> | undefined;

  constructor(http: Http, user: UserSession, client: Pick<CabinetClient, 'catalog' | 'applications'>) {
    this.#http = http;
    this.#user = user;
    this.#client = client;
  }

  async list(filters: { kind?: string; applicationId?: string } = {}, options: RequestOptions = {}): Promise<VaultDocument[]> {
    await this.#user.requireSignedIn(options);
    return (await this.#http.get(withQuery('documents', filters), VaultDocumentList, options)).documents;
  }

  get(id: string, options: RequestOptions = {}): Promise<VaultDocument> {
    return this.#http.get(`documents/${encodeURIComponent(id)}`, VaultDocument, options);
  }

  remove(id: string, options: RequestOptions = {}): Promise<void> {
    return this.#http.delete(`documents/${encodeURIComponent(id)}`, options);
  }

  attach(documentId: string, applicationId: string, fieldId: string, options: RequestOptions = {}): Promise<Application> {
    return this.#http.post(`documents/${encodeURIComponent(documentId)}/attach`, { applicationId, fieldId }, Application, options);
  }

  detach(documentId: string, applicationId: string, options: RequestOptions = {}): Promise<Application> {
    return this.#http.post(`documents/${encodeURIComponent(documentId)}/detach`, { applicationId }, Application, options);
  }

  async upload(file: Blob & { readonly name?: string }, options: UploadOptions): Promise<VaultDocument> {
    return (await this.#loadUploader()).upload(file, options);
  }

  async pendingUploads(): Promise<PendingUpload[]> {
    const data = await this.#user.data();
    return ((await data?.uploads()) ?? []).map(({ id, name, size, kind, applicationId, fieldId, offset, createdAt }) => ({
      id,
      name,
      size,
      kind,
      applicationId,
      fieldId,
      sent: offset,
      startedAt: createdAt,
      active: this.#active.has(id),
    }));
  }

  async resume(id: string, options: ResumeOptions = {}): Promise<VaultDocument> {
    return (await this.#loadUploader()).resume(id, options);
  }

  async cancel(id: string): Promise<void> {
    return (await this.#loadUploader()).cancel(id);
  }

  /** The limits of a documents field of the citizen's application, from its service's form. */
  async #fieldLimits(applicationId: string, fieldId: string): Promise<FileLimits | undefined> {
    const application = await this.#client.applications.get(applicationId);
    const service = await this.#client.catalog.get(application.serviceId);
    const field = service.form.steps.flatMap((step) => step.fields).find((candidate) => candidate.id === fieldId);
    return field && { accept: field.accept, maxSize: field.maxSize };
  }

  #loadUploader(): Promise<Uploader> {
    return (this.#uploader ??= loadChunk(this.#http, () => import('../upload/uploader.js'))
      .then(
        ({ Uploader }) =>
          new Uploader({
            http: this.#http,
            user: this.#user,
            endpoint: this.#http.url('uploads'),
            active: this.#active,
            getDocument: (id) => this.get(id),
            fieldLimits: (applicationId, fieldId) => this.#fieldLimits(applicationId, fieldId),
          }),
      )
      .catch((error: unknown) => {
        this.#uploader = undefined;
        throw error;
      }));
  }
}
