/**
 * Applications of citizens: drafts made from a service's form and filled in from the
 * profile, saved from any device, submitted exactly once, withdrawn by the citizen and
 * moved through their lifecycle by operators. Every change of status is a step of the
 * history, with its time, actor, officer and comment. A citizen reaches only their own
 * applications: another's is `not_found`, as if there were none.
 */
import type { Application, ApplicationPage, ApplicationStatus, ApplicationTransitionRequest, TransitionActor } from '@mfc-cabinet/core/schemas';
import type { Service } from '@mfc-cabinet/core/catalog-schemas';
import { autofillValues, documentIds, formFields, type FormValues } from '@mfc-cabinet/core/forms';
import { fullName, passportOf, type Account } from '../accounts/accounts.js';
import { ApiError, assertValid } from '../api-error.js';
import type { Catalog } from '../catalog/catalog.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import { lockAccount } from '../accounts/account-lock.js';
import type { AuditLog } from '../security/audit.js';
import { countOf } from '../texts.js';
import { orderedId } from '../security/tokens.js';
import { assertLevel } from './account-level.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { assertOperatorTransition, statusNames, withdrawable } from './lifecycle.js';
import type { StoredRequest } from './tables.js';
import { toApplication, toSummary, type ApplicationRow } from './to-application.js';
import { nextTrackingNumber } from './tracking-numbers.js';
import { checkAnswer, valuesErrors } from './value-checks.js';
import { addWorkingDays, moscowDate, moscowDayEnd, moscowDayStart } from './working-days.js';

/** What a page of the list asks for. */
export interface ApplicationQuery {
  status?: ApplicationStatus | undefined;
  serviceId?: string | undefined;
  /** Created on or after this Moscow date (`YYYY-MM-DD`). */
  from?: string | undefined;
  /** Created on or before this Moscow date. */
  to?: string | undefined;
  /** The beginning of a tracking number. */
  q?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

/** Who moves an application, for its history. */
interface Mover {
  actor: TransitionActor;
  officer?: Account;
  comment?: string | null;
  /** JSON: `RequestedInfo`, for the history. */
  requested?: string | null;
  /** JSON: {@link StoredRequest}, what the application keeps while it needs information. */
  pending?: string | null;
}

export interface ApplicationsDeps {
  db: Database;
  clock: Clock;
  catalog: Catalog;
  audit: AuditLog;
  /** Drafts one citizen may have at a time (`MAX_OPEN_DRAFTS`). */
  maxOpenDrafts: number;
}

export class Applications {
  readonly #db: Database;
  readonly #clock: Clock;
  readonly #catalog: Catalog;
  readonly #audit: AuditLog;
  readonly #maxOpenDrafts: number;

  constructor({ db, clock, catalog, audit, maxOpenDrafts }: ApplicationsDeps) {
    this.#maxOpenDrafts = maxOpenDrafts;
    this.#db = db;
    this.#clock = clock;
    this.#catalog = catalog;
    this.#audit = audit;
  }

  /**
   * A new draft for the service, its fields filled in from the citizen's profile.
   *
   * The account may have at most `MAX_OPEN_DRAFTS` drafts: the count and the insert are
   * one transaction with the account locked (see `lockAccount`), so drafts created at once
   * cannot pass it.
   *
   * @throws {ApiError} `not_found` (no such service), `conflict` (the service takes no applications now), `limit_reached`
   */
  async create(account: Account, serviceId: string): Promise<Application> {
    const service = await this.#catalog.get(serviceId);
    if (!service) throw new ApiError('not_found', { detail: 'Такой услуги в каталоге нет' });
    if (service.availability !== 'available') {
      throw new ApiError('conflict', { detail: 'Эта услуга сейчас не принимает заявления онлайн: обратитесь в МФЦ' });
    }
    const values = autofillValues(service.form, { ...account, snils: account.pendingSnils ?? account.snils, passport: passportOf(account) });
    const now = this.#clock.now();
    const id = orderedId();
    await this.#db.transaction().execute(async (trx) => {
      await lockAccount(trx, account.id);
      const drafts = await trx
        .selectFrom('applications')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('accountId', '=', account.id)
        .where('status', '=', 'draft')
        .executeTakeFirstOrThrow();
      if (Number(drafts.count) + 1 > this.#maxOpenDrafts) {
        throw new ApiError('limit_reached', {
          detail: `Не больше ${countOf(this.#maxOpenDrafts, 'черновика', 'черновиков')} сразу: заполните и подайте начатые заявления`,
        });
      }
      await trx
      .insertInto('applications')
      .values({
        id,
        accountId: account.id,
        serviceId,
        status: 'draft',
        formVersion: service.form.version,
        values: JSON.stringify(values),
        requested: null,
        trackingNumber: null,
        expectedCompletionDate: null,
        submitKey: null,
        createdAt: now,
        updatedAt: now,
        submittedAt: null,
      })
      .execute();
    });
    return this.get(account.id, id);
  }

  /**
   * The application with its history; `accountId` undefined for an operator, who sees any.
   *
   * @throws {ApiError} `not_found`, also when it is another citizen's
   */
  async get(accountId: string | undefined, id: string): Promise<Application> {
    const row = await this.#row(accountId, id);
    return this.#full(row, await this.#service(row.serviceId));
  }

  /**
   * A page of the citizen's applications, most recently changed first; `accountId`
   * undefined for an operator, who sees every citizen's submitted ones (never drafts).
   */
  async page(accountId: string | undefined, { status, serviceId, from, to, q, cursor, limit }: ApplicationQuery): Promise<ApplicationPage> {
    let base = this.#db.selectFrom('applications').innerJoin('services', 'services.id', 'applications.serviceId');
    base = accountId === undefined ? base.where('applications.status', '!=', 'draft') : base.where('applications.accountId', '=', accountId);
    if (status !== undefined) base = base.where('applications.status', '=', status);
    if (serviceId !== undefined) base = base.where('applications.serviceId', '=', serviceId);
    if (from !== undefined) base = base.where('applications.createdAt', '>=', moscowDayStart(from));
    if (to !== undefined) base = base.where('applications.createdAt', '<', moscowDayEnd(to));
    if (q !== undefined && q !== '') {
      // A prefix as a range, which an index serves in any database (LIKE may not).
      const prefix = q.toUpperCase();
      base = base.where('applications.trackingNumber', '>=', prefix).where('applications.trackingNumber', '<', `${prefix}\uffff`);
    }
    const { count } = await base.select((eb) => eb.fn.countAll().as('count')).executeTakeFirstOrThrow();
    let page = base.selectAll('applications').select('services.title as serviceTitle');
    if (cursor !== undefined) {
      const position = decodeCursor(cursor);
      page = page.where((eb) =>
        eb.or([
          eb('applications.updatedAt', '<', position.updatedAt),
          eb.and([eb('applications.updatedAt', '=', position.updatedAt), eb('applications.id', '<', position.id)]),
        ]),
      );
    }
    const rows = await page.orderBy('applications.updatedAt', 'desc').orderBy('applications.id', 'desc').limit(limit + 1).execute();
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return { items: items.map(toSummary), nextCursor: rows.length > limit && last ? encodeCursor(last) : null, total: Number(count) };
  }

  /** Every application of the citizen with its history, newest first (for the exports). */
  async all(accountId: string): Promise<Application[]> {
    const ids = await this.#db.selectFrom('applications').select('id').where('accountId', '=', accountId).orderBy('createdAt', 'desc').orderBy('id', 'desc').execute();
    const result: Application[] = [];
    for (const { id } of ids) result.push(await this.get(accountId, id));
    return result;
  }

  /**
   * Replaces the values of a draft; only what is filled in is checked, documents fields
   * with the citizen's vault (see `valuesErrors`).
   *
   * @throws {ApiError} `not_found`, `conflict` (no longer a draft), `validation_failed`
   */
  async saveDraft(accountId: string, id: string, values: FormValues): Promise<Application> {
    const row = await this.#row(accountId, id);
    if (row.status !== 'draft') throw new ApiError('conflict', { detail: 'Заявление уже подано: черновик больше не меняется' });
    assertValid(await valuesErrors(this.#db, accountId, (await this.#service(row.serviceId)).form, values, true));
    await this.#db
      .updateTable('applications')
      .set({ values: JSON.stringify(values), updatedAt: this.#clock.now() })
      .where('id', '=', id)
      .where('status', '=', 'draft')
      .execute();
    return this.get(accountId, id);
  }

  /**
   * Submits a draft once: the same `key` again answers the same application, whatever
   * happened between; another key on a submitted application is `conflict`.
   *
   * @throws {ApiError} `not_found`, `conflict`, `forbidden` (the account's level is too low), `validation_failed`
   */
  async submit(account: Account, id: string, key: string, ip: string): Promise<Application> {
    // The service is read before the transaction, which holds the only connection of SQLite.
    const service = await this.#service((await this.#row(account.id, id)).serviceId);
    const outcome = await this.#db.transaction().execute(async (trx) => {
      const row = await this.#row(account.id, id, trx);
      if (row.submitKey === key) return { application: await this.#full(row, service, trx), submitted: false };
      if (row.status !== 'draft') throw new ApiError('conflict', { detail: 'Заявление уже подано: повторно его подать нельзя' });
      assertLevel(account.level, service.requiredLevel);
      // The documents are checked again: one may have left the vault, or the values came before the check did.
      assertValid(await valuesErrors(trx, account.id, service.form, JSON.parse(row.values) as FormValues, false));
      const now = this.#clock.now();
      const today = moscowDate(now);
      // Only a draft moves: on a database with concurrent transactions, the second of two
      // submits updates nothing and answers like a repeat (same key) or a conflict.
      const { numUpdatedRows } = await trx
        .updateTable('applications')
        .set({
          status: 'submitted',
          submitKey: key,
          trackingNumber: await nextTrackingNumber(trx, Number(today.slice(0, 4))),
          expectedCompletionDate: addWorkingDays(today, service.termDays),
          submittedAt: now,
          updatedAt: now,
        })
        .where('id', '=', id)
        .where('status', '=', 'draft')
        .executeTakeFirst();
      if (numUpdatedRows === 0n) {
        const current = await this.#row(account.id, id, trx);
        if (current.submitKey === key) return { application: await this.#full(current, service, trx), submitted: false };
        throw new ApiError('conflict', { detail: 'Заявление уже подано: повторно его подать нельзя' });
      }
      await this.#record(trx, id, 'draft', 'submitted', now, { actor: 'citizen' });
      return { application: await this.#full(await this.#row(account.id, id, trx), service, trx), submitted: true };
    });
    if (outcome.submitted) await this.#audit.record('application_submitted', { accountId: account.id, ip, details: { applicationId: id } });
    return outcome.application;
  }

  /**
   * The citizen withdraws a submitted application that is not decided yet.
   *
   * @throws {ApiError} `not_found`, `conflict` (a draft, or decided already)
   */
  async withdraw(account: Account, id: string, ip: string): Promise<Application> {
    const row = await this.#row(account.id, id);
    if (!withdrawable.includes(row.status)) {
      throw new ApiError('conflict', { detail: `Заявление в статусе «${statusNames[row.status]}» отозвать нельзя` });
    }
    await this.#move(row, 'withdrawn', { actor: 'citizen' });
    await this.#audit.record('application_withdrawn', { accountId: account.id, ip, details: { applicationId: id } });
    return this.get(account.id, id);
  }

  /**
   * The citizen answers a request for information: values of the requested fields only,
   * checked with the service's form. Every requested field must be in the answer and filled
   * in; for every requested kind of document, and every requested documents field, a
   * document must have been attached since the request (documents are attached through the
   * vault): those the application held when the request was made do not count. Then the
   * application goes back to review.
   *
   * @throws {ApiError} `not_found`, `conflict` (it does not need information now), `validation_failed` naming what is missing
   */
  async answer(account: Account, id: string, values: FormValues, ip: string): Promise<Application> {
    const row = await this.#row(account.id, id);
    if (row.status !== 'needs_info') {
      throw new ApiError('conflict', { detail: `Заявление в статусе «${statusNames[row.status]}»: сведения по нему не запрашивали` });
    }
    const merged = await checkAnswer(this.#db, row, (await this.#service(row.serviceId)).form, values);
    const now = this.#clock.now();
    await this.#db.transaction().execute(async (trx) => {
      const { numUpdatedRows } = await trx
        .updateTable('applications')
        .set({ status: 'in_review', requested: null, values: JSON.stringify(merged), updatedAt: now })
        .where('id', '=', row.id)
        .where('status', '=', 'needs_info')
        .where('values', '=', row.values)
        .executeTakeFirst();
      if (numUpdatedRows === 0n) throw new ApiError('conflict', { detail: 'Заявление только что изменилось: обновите страницу' });
      await this.#record(trx, row.id, 'needs_info', 'in_review', now, { actor: 'citizen' });
    });
    await this.#audit.record('application_answered', { accountId: account.id, ip, details: { applicationId: id, fields: Object.keys(values) } });
    return this.get(account.id, id);
  }

  /**
   * An operator moves an application; `needs_info` names the documents and fields of the
   * form requested, and the application keeps which documents it held then (an answer
   * needs new ones).
   *
   * @throws {ApiError} `not_found`, `conflict` (a move the lifecycle does not allow), `validation_failed`
   */
  async transition(officer: Account, id: string, { to, comment, requested }: ApplicationTransitionRequest, ip: string): Promise<Application> {
    const row = await this.#row(undefined, id);
    assertOperatorTransition(row.status, to);
    let pending: string | null = null;
    if (to === 'needs_info') {
      const { form } = await this.#service(row.serviceId);
      const fields = new Set(formFields(form).map((field) => field.id));
      const unknown = requested?.fields.findIndex((field) => !fields.has(field)) ?? -1;
      if (unknown >= 0) assertValid([{ field: `requested.fields.${unknown}`, code: 'invalid', message: 'Такого поля в форме услуги нет' }]);
      if (!requested || requested.documents.length + requested.fields.length === 0) {
        assertValid([{ field: 'requested', code: 'required', message: 'Укажите, какие документы или сведения нужны от заявителя' }]);
      }
      const stored: StoredRequest = {
        documents: requested?.documents ?? [],
        fields: requested?.fields ?? [],
        attachedBefore: documentIds(form, JSON.parse(row.values) as FormValues),
      };
      pending = JSON.stringify(stored);
    } else if (requested) {
      assertValid([{ field: 'requested', code: 'invalid', message: 'Запросить документы можно только в статусе «Нужны сведения»' }]);
    }
    await this.#move(row, to, { actor: 'operator', officer, comment: comment || null, requested: requested ? JSON.stringify(requested) : null, pending });
    await this.#audit.record('application_transition', {
      accountId: row.accountId,
      actorId: officer.id,
      ip,
      details: { applicationId: id, from: row.status, to },
    });
    return this.get(undefined, id);
  }

  /** Moves the application from the status it was read in; `conflict` when it changed meanwhile. */
  async #move(row: ApplicationRow, to: ApplicationStatus, mover: Mover): Promise<void> {
    const now = this.#clock.now();
    await this.#db.transaction().execute(async (trx) => {
      const { numUpdatedRows } = await trx
        .updateTable('applications')
        .set({ status: to, requested: to === 'needs_info' ? (mover.pending ?? null) : null, updatedAt: now })
        .where('id', '=', row.id)
        .where('status', '=', row.status)
        .executeTakeFirst();
      if (numUpdatedRows === 0n) throw new ApiError('conflict', { detail: 'Статус заявления только что изменился: обновите страницу' });
      await this.#record(trx, row.id, row.status, to, now, mover);
    });
  }

  async #record(trx: Database, applicationId: string, from: ApplicationStatus, to: ApplicationStatus, at: number, mover: Mover): Promise<void> {
    const { actor, officer, comment = null, requested = null } = mover;
    await trx
      .insertInto('applicationTransitions')
      .values({
        id: orderedId(),
        applicationId,
        at,
        fromStatus: from,
        toStatus: to,
        actor,
        officerId: officer?.id ?? null,
        officerName: officer ? (fullName(officer) ?? 'Оператор МФЦ') : null,
        comment,
        requested,
      })
      .execute();
  }

  /** The application of `row` with its documents and history. */
  async #full(row: ApplicationRow, service: Service, db: Database = this.#db): Promise<Application> {
    const history = await db.selectFrom('applicationTransitions').selectAll().where('applicationId', '=', row.id).orderBy('id').execute();
    return toApplication(row, documentIds(service.form, JSON.parse(row.values) as FormValues), history);
  }

  async #row(accountId: string | undefined, id: string, db: Database = this.#db): Promise<ApplicationRow> {
    let query = db
      .selectFrom('applications')
      .innerJoin('services', 'services.id', 'applications.serviceId')
      .selectAll('applications')
      .select('services.title as serviceTitle')
      .where('applications.id', '=', id);
    if (accountId !== undefined) query = query.where('applications.accountId', '=', accountId);
    const row = await query.executeTakeFirst();
    if (!row) throw new ApiError('not_found', { detail: 'Заявление не найдено' });
    return row;
  }

  async #service(id: string): Promise<Service> {
    const service = await this.#catalog.get(id);
    if (!service) throw new Error(`service ${id} of an application is not in the catalog`);
    return service;
  }
}
