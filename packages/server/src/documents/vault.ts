/**
 * The document vault: a citizen's documents, uploaded once and attached to the
 * `documents` fields of several applications, and the results МФЦ operators issue. A
 * citizen reaches only their own documents (another's is `not_found`, as if there were
 * none); an operator reaches the documents of an application that was submitted, and only
 * those of its applicant.
 */
import type { Application, VaultDocument, VaultDocumentList } from '@mfc-cabinet/core/schemas';
import type { FormField } from '@mfc-cabinet/core/catalog-schemas';
import { checkFile, checkKind, headBytes, tailBytes, type FileKind } from '@mfc-cabinet/core/file-signatures';
import { documentIds, formFields, type FormValues } from '@mfc-cabinet/core/forms';
import { resultDocumentKind } from '@mfc-cabinet/core/schemas';
import { fullName, type Account } from '../accounts/accounts.js';
import { ApiError } from '../api-error.js';
import type { Applications } from '../applications/applications.js';
import type { Catalog } from '../catalog/catalog.js';
import type { AuditLog } from '../security/audit.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import { orderedId } from '../security/tokens.js';
import type { FileContents } from './contents-check.js';
import type { DocumentFiles } from './files.js';
import { safeFileName, withExtension } from './names.js';
import { limitsOf, maxPerField, resultLimits, type Limits } from './limits.js';
import type { DocumentsTable } from './tables.js';
import { assertChangeable, toDocument, without, type ApplicationRef } from './vault-records.js';

/** A filter of the citizen's list. */
export interface DocumentQuery {
  kind?: string | undefined;
  /** The documents attached to this application of the citizen, and the results issued for it. */
  applicationId?: string | undefined;
}

/** A document's bytes to send, with what the answer needs. */
export interface DocumentContent {
  name: string;
  size: number;
  fileType: FileKind;
  stream: NodeJS.ReadableStream;
}

export interface DocumentVaultDeps {
  db: Database;
  clock: Clock;
  catalog: Catalog;
  applications: Applications;
  files: DocumentFiles;
  /** The check of what an issued result really is. */
  contents: FileContents;
  audit: AuditLog;
}

const notFound = () => new ApiError('not_found', { detail: 'Документ не найден' });
const applicationNotFound = () => new ApiError('not_found', { detail: 'Заявление не найдено' });

export class DocumentVault {
  readonly #db: Database;
  readonly #clock: Clock;
  readonly #catalog: Catalog;
  readonly #applications: Applications;
  readonly #files: DocumentFiles;
  readonly #contents: FileContents;
  readonly #audit: AuditLog;

  constructor({ db, clock, catalog, applications, files, contents, audit }: DocumentVaultDeps) {
    this.#contents = contents;
    this.#audit = audit;
    this.#db = db;
    this.#clock = clock;
    this.#catalog = catalog;
    this.#applications = applications;
    this.#files = files;
  }

  /** The citizen's documents, newest first. */
  async list(accountId: string, { kind, applicationId }: DocumentQuery = {}): Promise<VaultDocumentList> {
    const attachments = await this.#attachments(accountId);
    let query = this.#db.selectFrom('documents').selectAll().where('accountId', '=', accountId).where('deletedAt', 'is', null);
    if (kind !== undefined) query = query.where('kind', '=', kind);
    const rows = await query.orderBy('createdAt', 'desc').orderBy('id', 'desc').execute();
    const documents = rows.map((row) => toDocument(row, attachments.get(row.id) ?? []));
    return {
      documents: applicationId === undefined ? documents : documents.filter((document) => document.applicationId === applicationId || document.attachedTo.includes(applicationId)),
    };
  }

  /**
   * One of the citizen's documents.
   *
   * @throws {ApiError} `not_found`, also for another citizen's document
   */
  async get(accountId: string, id: string): Promise<VaultDocument> {
    const row = await this.#own(accountId, id);
    return toDocument(row, (await this.#attachments(accountId)).get(id) ?? []);
  }

  /**
   * The bytes of one of the citizen's documents.
   *
   * @throws {ApiError} `not_found`
   */
  async content(accountId: string, id: string): Promise<DocumentContent> {
    return this.#content(await this.#own(accountId, id));
  }

  /** Records a document whose file is in the vault already (a finished upload). */
  async add(document: Omit<DocumentsTable, 'createdAt' | 'deletedAt' | 'source' | 'applicationId' | 'issuedBy'>, db: Database = this.#db): Promise<void> {
    await db
      .insertInto('documents')
      .values({ ...document, source: 'citizen', applicationId: null, issuedBy: null, createdAt: this.#clock.now(), deletedAt: null })
      .execute();
  }

  /**
   * Deletes a document of the citizen: it leaves every draft it is attached to. An
   * application submitted with it keeps it for the МФЦ (so does the application a result
   * was issued for): then it only leaves the citizen's vault; otherwise its file is gone.
   *
   * @throws {ApiError} `not_found`
   */
  async remove(accountId: string, id: string): Promise<void> {
    const row = await this.#own(accountId, id);
    const applications = await this.#db
      .selectFrom('applications')
      .select(['id', 'accountId', 'serviceId', 'status', 'values', 'requested'])
      .where('accountId', '=', accountId)
      .execute();
    let submittedWithIt = false;
    for (const application of applications) {
      const values = JSON.parse(application.values) as FormValues;
      if (!Object.values(values).some((value) => Array.isArray(value) && value.includes(id))) continue;
      if (application.status !== 'draft') {
        submittedWithIt = true;
        continue;
      }
      await this.#db
        .updateTable('applications')
        .set({ values: JSON.stringify(without(values, id)), updatedAt: this.#clock.now() })
        .where('id', '=', application.id)
        .where('status', '=', 'draft')
        .execute();
    }
    if (submittedWithIt || row.source === 'operator') {
      await this.#db.updateTable('documents').set({ deletedAt: this.#clock.now() }).where('id', '=', id).execute();
      return;
    }
    await this.#db.deleteFrom('documents').where('id', '=', id).execute();
    await this.#files.remove(id);
  }

  /**
   * Attaches one of the citizen's documents to a `documents` field of their application: a
   * draft, or one that needs information and asked for this document (its kind or the
   * field). The document must fit the field's limits. Attaching it again changes nothing.
   *
   * @throws {ApiError} `not_found`, `conflict`, `validation_failed`, `file_too_large`, `file_type_not_allowed`
   */
  async attach(accountId: string, id: string, applicationId: string, fieldId: string): Promise<Application> {
    const document = await this.#own(accountId, id);
    const application = await this.#application(accountId, applicationId);
    const field = await this.#documentsField(application.serviceId, fieldId, 'fieldId');
    assertChangeable(application, document.kind, fieldId);
    const check = checkKind(document.fileType, document.size, this.limitsOf(field));
    if (!check.ok) throw new ApiError(check.code, { detail: check.message });
    const values = JSON.parse(application.values) as FormValues;
    const current = Array.isArray(values[fieldId]) ? values[fieldId] : [];
    if (current.includes(id)) return this.#applications.get(accountId, applicationId);
    if (current.length >= maxPerField) {
      throw new ApiError('validation_failed', { errors: [{ field: 'fieldId', code: 'too_long', message: `Не больше ${maxPerField} документов` }] });
    }
    await this.#save(application, { ...values, [fieldId]: [...current, id] });
    return this.#applications.get(accountId, applicationId);
  }

  /**
   * Takes the document off the citizen's application (every field it is in): a draft, or
   * one that needs information and asked for it. Not attached: nothing changes.
   *
   * @throws {ApiError} `not_found`, `conflict`
   */
  async detach(accountId: string, id: string, applicationId: string): Promise<Application> {
    const document = await this.#own(accountId, id);
    const application = await this.#application(accountId, applicationId);
    const values = JSON.parse(application.values) as FormValues;
    const holding = Object.entries(values).filter(([, value]) => Array.isArray(value) && value.includes(id));
    if (holding.length === 0) return this.#applications.get(accountId, applicationId);
    for (const [fieldId] of holding) assertChangeable(application, document.kind, fieldId);
    await this.#save(application, without(values, id));
    return this.#applications.get(accountId, applicationId);
  }

  /**
   * The limits of uploads meant for a documents field of the citizen's application, which
   * must still take documents (a draft, or one that needs information).
   *
   * @param names how the application and the field are named in field errors
   * @throws {ApiError} `not_found`, `conflict`, `validation_failed`
   */
  async limitsFor(accountId: string, applicationId: string, fieldId: string, names = { fieldId: 'fieldId' }): Promise<Limits> {
    const application = await this.#application(accountId, applicationId);
    if (application.status !== 'draft' && application.status !== 'needs_info') {
      throw new ApiError('conflict', { detail: 'Заявление уже подано: документы к нему больше не прикладываются' });
    }
    return this.limitsOf(await this.#documentsField(application.serviceId, fieldId, names.fieldId));
  }

  /** The limits of a documents field (or the defaults), at most the ceiling of every upload. */
  limitsOf(field?: Pick<FormField, 'accept' | 'maxSize'>): Limits {
    return limitsOf(field);
  }

  // ------------------------------------------------------------------ operators

  /**
   * The documents of a submitted application, for an operator: those its values attach
   * (the applicant's own, also ones the applicant deleted from the vault since) and the
   * results issued for it.
   *
   * @throws {ApiError} `not_found` (no such application, or a draft)
   */
  async ofApplication(applicationId: string): Promise<VaultDocumentList> {
    const application = await this.#submitted(applicationId);
    const rows = await this.#applicationDocuments(application);
    const attachments = await this.#attachments(application.accountId);
    return { documents: rows.map((row) => toDocument(row, attachments.get(row.id) ?? [])) };
  }

  /**
   * The bytes of a document of a submitted application, for an operator.
   *
   * @throws {ApiError} `not_found`, also for a document the application does not hold
   */
  async contentForOperator(officer: Account, applicationId: string, documentId: string, ip: string): Promise<DocumentContent> {
    const application = await this.#submitted(applicationId);
    const row = (await this.#applicationDocuments(application)).find(({ id }) => id === documentId);
    if (!row) throw notFound();
    await this.#audit.record('document_read_by_operator', { accountId: application.accountId, actorId: officer.id, ip, details: { applicationId, documentId } });
    return this.#content(row);
  }

  /**
   * An operator issues a result of an application (a PDF, JPG or PNG up to 20 MB, checked by
   * its bytes: its signature, then that it parses or decodes as one; bytes after its end are
   * cut off): it appears in the applicant's vault with the kind `result`.
   *
   * @throws {ApiError} `not_found`, `conflict` (a draft or a withdrawn application), `file_too_large`, `file_type_not_allowed`
   */
  async issueResult(officer: Account, applicationId: string, name: string, bytes: Uint8Array, ip: string): Promise<VaultDocument> {
    const application = await this.#submitted(applicationId);
    if (application.status === 'withdrawn') throw new ApiError('conflict', { detail: 'Заявление отозвано: результат по нему не выдаётся' });
    const check = checkFile({ head: bytes.subarray(0, headBytes), tail: bytes.subarray(Math.max(0, bytes.length - tailBytes)), size: bytes.length }, resultLimits);
    if (!check.ok) throw new ApiError(check.code, { detail: check.message });
    const id = orderedId();
    await this.#files.write(id, bytes);
    // What it really is, in a worker thread, before any record names it; bytes after its end are cut off.
    let contents: Awaited<ReturnType<FileContents['check']>>;
    try {
      contents = await this.#contents.check(this.#files.documentPath(id), check.kind, bytes.length);
    } catch (error) {
      await this.#files.remove(id);
      throw error;
    }
    if (!contents.ok) {
      await this.#files.remove(id);
      throw new ApiError('file_type_not_allowed', { detail: contents.message });
    }
    const row: DocumentsTable = {
      id,
      accountId: application.accountId,
      kind: resultDocumentKind,
      name: withExtension(safeFileName(name), check.kind),
      size: contents.size,
      fileType: check.kind,
      source: 'operator',
      applicationId,
      issuedBy: fullName(officer) ?? 'Оператор МФЦ',
      createdAt: this.#clock.now(),
      deletedAt: null,
    };
    try {
      await this.#db.insertInto('documents').values(row).execute();
    } catch (error) {
      await this.#files.remove(id);
      throw error;
    }
    await this.#audit.record('document_result_issued', { accountId: application.accountId, actorId: officer.id, ip, details: { applicationId, documentId: id } });
    return toDocument(row, []);
  }

  // ------------------------------------------------------------------ helpers

  async #own(accountId: string, id: string): Promise<DocumentsTable> {
    const row = await this.#db
      .selectFrom('documents')
      .selectAll()
      .where('id', '=', id)
      .where('accountId', '=', accountId)
      .where('deletedAt', 'is', null)
      .executeTakeFirst();
    if (!row) throw notFound();
    return row;
  }

  #content(row: DocumentsTable): DocumentContent {
    return { name: row.name, size: row.size, fileType: row.fileType, stream: this.#files.read(row.id) };
  }

  async #application(accountId: string | undefined, id: string): Promise<ApplicationRef> {
    let query = this.#db.selectFrom('applications').select(['id', 'accountId', 'serviceId', 'status', 'values', 'requested']).where('id', '=', id);
    if (accountId !== undefined) query = query.where('accountId', '=', accountId);
    const row = await query.executeTakeFirst();
    if (!row) throw applicationNotFound();
    return row;
  }

  /** An application an operator may see the documents of: any but a draft. */
  async #submitted(id: string): Promise<ApplicationRef> {
    const application = await this.#application(undefined, id);
    if (application.status === 'draft') throw applicationNotFound();
    return application;
  }

  async #applicationDocuments(application: ApplicationRef): Promise<DocumentsTable[]> {
    const form = (await this.#catalog.get(application.serviceId))?.form;
    const attached = form ? documentIds(form, JSON.parse(application.values) as FormValues) : [];
    return this.#db
      .selectFrom('documents')
      .selectAll()
      .where('accountId', '=', application.accountId)
      .where((eb) =>
        eb.or([
          ...(attached.length > 0 ? [eb('id', 'in', attached)] : []),
          eb.and([eb('source', '=', 'operator'), eb('applicationId', '=', application.id)]),
        ]),
      )
      .orderBy('createdAt')
      .orderBy('id')
      .execute();
  }

  async #documentsField(serviceId: string, fieldId: string, name: string): Promise<FormField> {
    const service = await this.#catalog.get(serviceId);
    const field = service && formFields(service.form).find((candidate) => candidate.id === fieldId && candidate.type === 'documents');
    if (!field) throw new ApiError('validation_failed', { errors: [{ field: name, code: 'invalid', message: 'В форме услуги нет такого поля для документов' }] });
    return field;
  }

  /** Which of the citizen's applications each document is attached to. */
  async #attachments(accountId: string): Promise<Map<string, string[]>> {
    const applications = await this.#db
      .selectFrom('applications')
      .select(['id', 'serviceId', 'values'])
      .where('accountId', '=', accountId)
      .orderBy('id')
      .execute();
    const forms = new Map<string, Awaited<ReturnType<Catalog['get']>>>();
    const result = new Map<string, string[]>();
    for (const { id, serviceId, values } of applications) {
      if (!forms.has(serviceId)) forms.set(serviceId, await this.#catalog.get(serviceId));
      const form = forms.get(serviceId)?.form;
      if (!form) continue;
      for (const documentId of new Set(documentIds(form, JSON.parse(values) as FormValues))) {
        result.set(documentId, [...(result.get(documentId) ?? []), id]);
      }
    }
    return result;
  }

  /** Replaces the values of the application, unless its status changed since it was read. */
  async #save(application: ApplicationRef, values: FormValues): Promise<void> {
    const { numUpdatedRows } = await this.#db
      .updateTable('applications')
      .set({ values: JSON.stringify(values), updatedAt: this.#clock.now() })
      .where('id', '=', application.id)
      .where('status', '=', application.status)
      .where('values', '=', application.values)
      .executeTakeFirst();
    if (numUpdatedRows === 0n) throw new ApiError('conflict', { detail: 'Заявление только что изменилось: обновите страницу' });
  }
}
