/**
 * The document vault and tus uploads of the fake Cabinet API (`fake-api.ts`): the citizen's
 * documents under `documents`, and resumable uploads (tus 1.0: creation, `HEAD`, `PATCH`,
 * termination) under `uploads`, whose last `PATCH` names the document the file became in
 * `Cabinet-Document-Id`. By default the vault holds a few sample documents and an upload
 * goes through at once; the `documents` option of the fake server stages the other states:
 * an upload that holds at an offset (progress that stays), or a connection that drops at one.
 *
 * @example
 * ```ts
 * const api = new FakeCabinetApi({ signedIn: true, documents: { holdAt: 1024 * 1024 } });
 * ```
 */
import type { Application, FileKind, Locale, VaultDocument } from '@mfc-cabinet/core';
import type { FakeCabinetApi, FakeRequest, Handler, Reply } from './fake-api.js';
import { ok } from './fake-api.js';
import { perServer, refuse, usingSession } from './fake-shared.js';

/** The endpoints of the vault and of uploads: method and path under the base URL. */
export type DocumentsEndpoint =
  | 'GET documents'
  | 'GET documents/:id'
  | 'GET documents/:id/content'
  | 'DELETE documents/:id'
  | 'POST documents/:id/attach'
  | 'POST documents/:id/detach'
  | 'POST uploads'
  | 'HEAD uploads/:id'
  | 'PATCH uploads/:id'
  | 'DELETE uploads/:id';

export const documentsEndpoints: readonly DocumentsEndpoint[] = [
  'GET documents',
  'GET documents/:id',
  'GET documents/:id/content',
  'DELETE documents/:id',
  'POST documents/:id/attach',
  'POST documents/:id/detach',
  'POST uploads',
  'HEAD uploads/:id',
  'PATCH uploads/:id',
  'DELETE uploads/:id',
];

/** Every endpoint of the vault needs the citizen's session, and uses it. */
export const documentsSessionNeeds = usingSession(documentsEndpoints);

/** The `documents` option of the fake server. */
export interface FakeDocumentsOptions {
  /**
   * The citizen's documents when the story starts: the sample ones (a passport, a СНИЛС, a
   * birth certificate and a result an МФЦ issued), none, or these.
   * @default 'samples'
   */
  vault?: 'samples' | 'empty' | Array<Partial<VaultDocument> & Pick<VaultDocument, 'name'>>;
  /**
   * An upload stops being answered once the server has this many bytes of it (its `PATCH`
   * from there never answers, until it is cancelled): a progress bar that stays. Files
   * smaller than this go through.
   */
  holdAt?: number;
  /**
   * The connection drops at this many bytes: every `PATCH` from there fails as `fetch` fails
   * offline, until {@link FakeDocuments.reconnect} is called.
   */
  dropAt?: number;
}

/** An upload the fake server is receiving. */
interface FakeUpload {
  id: string;
  length: number;
  offset: number;
  metadata: Record<string, string>;
  documentId: string | null;
}

/**
 * The header naming the document a finished upload became (`uploadDocumentHeader` of the
 * core's document-schemas.ts, which the package does not export).
 */
const uploadDocumentHeader = 'cabinet-document-id';

const mb = 1024 * 1024;
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

const samples: VaultDocument[] = [
  {
    id: 'doc-passport',
    kind: 'passport',
    name: 'Паспорт, страницы 2–3.pdf',
    size: Math.round(1.4 * mb),
    fileType: 'pdf',
    createdAt: daysAgo(3),
    applicationId: null,
    issuedBy: null,
    attachedTo: [],
  },
  {
    id: 'doc-snils',
    kind: 'snils',
    name: 'СНИЛС.jpg',
    size: 412 * 1024,
    fileType: 'jpg',
    createdAt: daysAgo(10),
    applicationId: null,
    issuedBy: null,
    attachedTo: ['app-1'],
  },
  {
    id: 'doc-birth',
    kind: 'other',
    name: 'Свидетельство о рождении ребёнка.png',
    size: Math.round(2.2 * mb),
    fileType: 'png',
    createdAt: daysAgo(30),
    applicationId: null,
    issuedBy: null,
    attachedTo: [],
  },
  {
    id: 'doc-result',
    kind: 'result',
    name: 'Справка о доходах за 2025 год.pdf',
    size: 96 * 1024,
    fileType: 'pdf',
    createdAt: daysAgo(45),
    applicationId: 'app-0',
    issuedBy: 'Смирнова Елена',
    attachedTo: [],
  },
];

const extensions: Record<string, FileKind> = { pdf: 'pdf', jpg: 'jpg', jpeg: 'jpg', png: 'png', doc: 'doc', docx: 'docx' };
const contentTypes: Record<FileKind, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  png: 'image/png',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** The type of a file by its name (the real server reads its bytes). */
function kindOf(name: string): FileKind {
  return extensions[name.split('.').pop()?.toLowerCase() ?? ''] ?? 'pdf';
}

/** `Upload-Metadata`: keys and base64 of the values' UTF-8. */
function decodeMetadata(header: string | null): Record<string, string> {
  const entries = (header ?? '')
    .split(',')
    .map((pair) => pair.trim().split(' '))
    .filter(([key]) => key)
    .map(([key = '', value = '']) => [key, new TextDecoder().decode(Uint8Array.from(atob(value), (char) => char.charCodeAt(0)))]);
  return Object.fromEntries(entries);
}

/** The vault and the uploads of one fake server. */
export class FakeDocuments {
  readonly documents: VaultDocument[];
  readonly uploads = new Map<string, FakeUpload>();
  /** The documents attached to each application (drafts). */
  readonly attached = new Map<string, Map<string, string>>();
  holdAt: number | undefined;
  dropAt: number | undefined;
  #ids = 0;

  constructor(options: FakeDocumentsOptions) {
    const vault = options.vault ?? 'samples';
    this.documents =
      vault === 'samples'
        ? samples.map((sample) => ({ ...sample, attachedTo: [...sample.attachedTo] }))
        : vault === 'empty'
          ? []
          : vault.map((partial, index) => ({
              id: `doc-${index + 1}`,
              kind: 'other',
              size: 300 * 1024,
              fileType: kindOf(partial.name),
              createdAt: daysAgo(index + 1),
              applicationId: null,
              issuedBy: null,
              attachedTo: [],
              ...partial,
            }));
    this.holdAt = options.holdAt;
    this.dropAt = options.dropAt;
  }

  /** The connection is back: uploads go on past `dropAt`. */
  reconnect(): void {
    this.dropAt = undefined;
  }

  /** Uploads stop holding at `holdAt` (those waiting there stay stuck; a retry goes through). */
  release(): void {
    this.holdAt = undefined;
  }

  find(id: string | undefined): VaultDocument | undefined {
    return this.documents.find((document) => document.id === id);
  }

  newUpload(length: number, metadata: Record<string, string>): FakeUpload {
    const upload: FakeUpload = { id: `upload-${++this.#ids}`, length, offset: 0, metadata, documentId: null };
    this.uploads.set(upload.id, upload);
    return upload;
  }

  /** The last byte arrived: the file becomes the newest document of the vault. */
  finish(upload: FakeUpload): void {
    const name = (upload.metadata['filename'] ?? 'file').split(/[\\/]/).pop() || 'file';
    const document: VaultDocument = {
      id: `doc-new-${++this.#ids}`,
      kind: upload.metadata['kind'] ?? 'other',
      name,
      size: upload.length,
      fileType: kindOf(name),
      createdAt: new Date().toISOString(),
      applicationId: null,
      issuedBy: null,
      attachedTo: [],
    };
    this.documents.unshift(document);
    upload.documentId = document.id;
  }

  /** A draft with the documents attached to it, as `attach` and `detach` answer. */
  application(id: string): Application {
    const fields = this.attached.get(id) ?? new Map<string, string>();
    const values: Record<string, string[]> = {};
    for (const [documentId, fieldId] of fields) (values[fieldId] ??= []).push(documentId);
    const now = new Date().toISOString();
    return {
      id,
      serviceId: 'income-certificate',
      serviceTitle: 'Справка о доходах и суммах налога',
      status: 'draft',
      trackingNumber: null,
      expectedCompletionDate: null,
      createdAt: now,
      updatedAt: now,
      submittedAt: null,
      formVersion: 1,
      values,
      documents: [...fields.keys()],
      requested: null,
      history: [],
    };
  }
}

/** The vault of a fake server, made from its `documents` option on first use. */
export const documentsOf = perServer((api) => new FakeDocuments(api.options.documents ?? {}));

const notFound = (request: FakeRequest, api: FakeCabinetApi): Reply => refuse(request, api, 404, 'not_found');

/** tus answers carry its version. */
const tusHeaders = { 'tus-resumable': '1.0.0', 'cache-control': 'no-store' };

/** A placeholder of a document's bytes: enough for a link to open something. */
function content(document: VaultDocument, locale: Locale): Reply {
  const body =
    document.fileType === 'pdf'
      ? '%PDF-1.7\n%%EOF\n'
      : locale === 'en'
        ? `A sample of ${document.name}`
        : `Образец файла ${document.name}`;
  return { kind: 'text', status: 200, contentType: contentTypes[document.fileType], body };
}

/** How the fake server answers the vault's and the uploads' requests. */
export const documentsHandlers: Record<DocumentsEndpoint, Handler> = {
  'GET documents': ({ query }, api) => {
    const kind = query.get('kind');
    const applicationId = query.get('applicationId');
    const documents = documentsOf(api).documents.filter(
      (document) =>
        (!kind || document.kind === kind) &&
        (!applicationId || document.attachedTo.includes(applicationId) || document.applicationId === applicationId),
    );
    return ok({ documents });
  },

  'GET documents/:id': (request, api) => {
    const document = documentsOf(api).find(request.params['id']);
    return document ? ok(document) : notFound(request, api);
  },

  'GET documents/:id/content': (request, api) => {
    const document = documentsOf(api).find(request.params['id']);
    return document ? content(document, request.locale) : notFound(request, api);
  },

  'DELETE documents/:id': (request, api) => {
    const { documents } = documentsOf(api);
    const index = documents.findIndex((document) => document.id === request.params['id']);
    if (index < 0) return notFound(request, api);
    documents.splice(index, 1);
    return { kind: 'empty', status: 204 };
  },

  'POST documents/:id/attach': (request, api) => {
    const vault = documentsOf(api);
    const document = vault.find(request.params['id']);
    const applicationId = String(request.body?.['applicationId'] ?? '');
    const fieldId = String(request.body?.['fieldId'] ?? '');
    if (!document || !applicationId || !fieldId) return notFound(request, api);
    if (!vault.attached.has(applicationId)) vault.attached.set(applicationId, new Map());
    vault.attached.get(applicationId)!.set(document.id, fieldId);
    if (!document.attachedTo.includes(applicationId)) document.attachedTo.push(applicationId);
    return ok(vault.application(applicationId));
  },

  'POST documents/:id/detach': (request, api) => {
    const vault = documentsOf(api);
    const document = vault.find(request.params['id']);
    const applicationId = String(request.body?.['applicationId'] ?? '');
    if (!document || !applicationId) return notFound(request, api);
    vault.attached.get(applicationId)?.delete(document.id);
    document.attachedTo = document.attachedTo.filter((id) => id !== applicationId);
    return ok(vault.application(applicationId));
  },

  'POST uploads': (request, api) => {
    const length = Number(request.headers?.get('upload-length'));
    if (!Number.isSafeInteger(length) || length < 0) return refuse(request, api, 400, 'validation_failed');
    const metadata = decodeMetadata(request.headers?.get('upload-metadata') ?? null);
    const upload = documentsOf(api).newUpload(length, metadata);
    return { kind: 'empty', status: 201, headers: { ...tusHeaders, location: `${api.baseUrl}/uploads/${upload.id}` } };
  },

  'HEAD uploads/:id': (request, api) => {
    const upload = documentsOf(api).uploads.get(request.params['id'] ?? '');
    if (!upload) return { kind: 'empty', status: 404 };
    return {
      kind: 'empty',
      status: 200,
      headers: {
        ...tusHeaders,
        'upload-offset': String(upload.offset),
        'upload-length': String(upload.length),
        ...(upload.documentId ? { [uploadDocumentHeader]: upload.documentId } : {}),
      },
    };
  },

  'PATCH uploads/:id': (request, api) => {
    const vault = documentsOf(api);
    const upload = vault.uploads.get(request.params['id'] ?? '');
    if (!upload) return notFound(request, api);
    if (Number(request.headers?.get('upload-offset')) !== upload.offset) return refuse(request, api, 409, 'conflict');
    if (vault.dropAt !== undefined && upload.offset >= vault.dropAt) return { kind: 'network-error' };
    if (vault.holdAt !== undefined && upload.offset >= vault.holdAt) return { kind: 'no-answer' };
    upload.offset = Math.min(upload.length, upload.offset + (request.chunk?.size ?? 0));
    if (upload.offset >= upload.length && upload.documentId === null) vault.finish(upload);
    return {
      kind: 'empty',
      status: 204,
      headers: {
        ...tusHeaders,
        'upload-offset': String(upload.offset),
        ...(upload.documentId ? { [uploadDocumentHeader]: upload.documentId } : {}),
      },
    };
  },

  'DELETE uploads/:id': (request, api) => {
    const { uploads } = documentsOf(api);
    if (!uploads.delete(request.params['id'] ?? '')) return notFound(request, api);
    return { kind: 'empty', status: 204, headers: tusHeaders };
  },
};
