/**
 * The public shape of `client.applications`. Its code (requests, schemas, the encrypted
 * per-user cache and the outbox) loads with the first call, or when a citizen signs in.
 */
import type { Application, ApplicationPage, ApplicationStatus } from './schemas.js';
import type { QueuedWrite } from '../cache/user-db.js';
import type { CabinetError } from '../errors.js';
import type { FormValues } from '../forms.js';
import type { RequestOptions } from '../http.js';

export type { QueuedWrite, WriteFailure, WriteKind } from '../cache/user-db.js';

/** Filters of {@link ApplicationsClient.list}. */
export interface ApplicationFilters {
  status?: ApplicationStatus;
  serviceId?: string;
  /** `YYYY-MM-DD`: created on or after (Moscow time). */
  from?: string;
  /** `YYYY-MM-DD`: created on or before (Moscow time). */
  to?: string;
  /** The beginning of a tracking number, e.g. `MFC-2026-0001`. */
  q?: string;
}

/** Options of {@link ApplicationsClient.list}. */
export interface ApplicationPageOptions extends RequestOptions {
  /** The `nextCursor` of the previous page; the first page without it. */
  cursor?: string;
  /** Applications per page, 1–100. @default 20 */
  limit?: number;
}

/**
 * The outcome of a write: `sent` with the application as the server has it now, or `queued`
 * when the server could not be reached — the write waits in the encrypted outbox and goes
 * out by itself on reconnect (or at the next sign-in of the same citizen), exactly once.
 * `application` is then the local copy with the change applied (`undefined` when none was
 * cached).
 */
export type WriteResult =
  | { status: 'sent'; application: Application }
  | { status: 'queued'; application: Application | undefined; write: QueuedWrite };

/** What a watcher is told besides the data. */
export interface WatchInfo {
  /** `true` for the cached copy shown before the server answered (or while offline). */
  stale: boolean;
}

/** Options of the `watch…` methods. */
export interface WatchOptions {
  /** Stops watching. */
  signal: AbortSignal;
  /** Called when the server cannot be asked (the cached copy, if any, stays on screen). */
  onError?: (error: CabinetError) => void;
}

/**
 * The citizen's applications (заявления): drafts made from a service's form, saved and
 * submitted even without a network, the list with filters, and each one's history.
 *
 * Reads are stale-while-revalidate: the `watch…` methods call back at once with what the
 * encrypted per-user cache holds, then with the server's answer, then on every change made
 * in this tab, in other tabs, or by a write sent from the outbox. Writes that cannot reach
 * the server wait in the outbox and are sent on reconnect with the same idempotency key, so
 * a submission happens once however often it is retried.
 *
 * @example
 * ```ts
 * const draft = await client.applications.create('passport-rf');
 * await client.applications.saveDraft(draft.id, { lastName: 'Иванова' });
 * const result = await client.applications.submit(draft.id);
 * if (result.status === 'queued') showNotice('Заявление отправится, когда появится связь');
 * else showNotice(`Номер заявления: ${result.application.trackingNumber}`);
 * ```
 */
export interface ApplicationsClient {
  /**
   * Starts a draft for a service, its fields filled in from the profile where the form says so.
   *
   * @throws {CabinetError} `not_found` (no such service), `conflict` (it takes no applications online now)
   */
  create(serviceId: string, options?: RequestOptions): Promise<Application>;

  /**
   * One application with its values and history, from the server (and kept in the cache).
   * Values of a draft save still waiting in the outbox are applied to it.
   *
   * @throws {CabinetError} `not_found` (also another citizen's)
   */
  get(id: string, options?: RequestOptions): Promise<Application>;

  /** One page of applications, most recently changed first. The first page of each filter is cached. */
  list(filters?: ApplicationFilters, options?: ApplicationPageOptions): Promise<ApplicationPage>;

  /**
   * Watches one application: the cached copy at once, then the server's, then every change.
   *
   * @example
   * ```ts
   * const stop = new AbortController();
   * await client.applications.watch(id, (application, { stale }) => render(application, stale), { signal: stop.signal });
   * ```
   */
  watch(id: string, listener: (application: Application, info: WatchInfo) => void, options: WatchOptions): Promise<void>;

  /** Watches the first page of a filter the same way. */
  watchList(filters: ApplicationFilters, listener: (page: ApplicationPage, info: WatchInfo) => void, options: WatchOptions): Promise<void>;

  /**
   * Saves the values of a draft (replacing those saved before). Only what is filled in is
   * checked by the server.
   *
   * @throws {CabinetError} `validation_failed` (per field), `conflict` (no longer a draft),
   *   `not_found`, `unauthenticated` (nobody signed in)
   */
  saveDraft(id: string, values: FormValues): Promise<WriteResult>;

  /**
   * Submits a draft, exactly once: the idempotency key is made once per application and
   * kept with the queued write, so retries and replays never make a second application.
   *
   * @throws {CabinetError} `validation_failed` (per field), `forbidden` (the account's level
   *   is too low; the message says what to do), `conflict`, `not_found`
   */
  submit(id: string): Promise<WriteResult>;

  /**
   * Withdraws a submitted application (while submitted, in review or needing information).
   * Needs the network.
   *
   * @throws {CabinetError} `conflict`, `not_found`, `network`
   */
  withdraw(id: string, options?: RequestOptions): Promise<Application>;

  /**
   * Answers a request for information (while the application is `needs_info`): values of
   * the fields in `requested.fields` only; the requested documents are attached first with
   * `client.documents.attach`. The application goes back to review. Needs the network.
   *
   * @throws {CabinetError} `validation_failed` (per field: wrong, missing, or not requested),
   *   `conflict` (nothing is requested now), `not_found`, `network`
   *
   * @example
   * ```ts
   * await client.documents.attach(scan.id, application.id, 'documents');
   * const moved = await client.applications.answer(application.id, { phone: '+79161234567' });
   * moved.status; // 'in_review'
   * ```
   */
  answer(id: string, values: FormValues, options?: RequestOptions): Promise<Application>;

  /** The writes not yet confirmed by the server, oldest first — warn before logout when there are any. */
  pending(): Promise<QueuedWrite[]>;

  /** Watches the queued writes (in every tab): called at once and on every change. */
  watchPending(listener: (writes: QueuedWrite[]) => void, options: Pick<WatchOptions, 'signal'>): Promise<void>;

  /** Sends the queued writes now (it happens by itself on reconnect and at sign-in). */
  flush(): Promise<void>;

  /** Sends a write the server refused once more (after the citizen fixed the cause). */
  retry(seq: number): Promise<void>;

  /** Drops a queued write for good. */
  discard(seq: number): Promise<void>;

  /**
   * The printable copy of one application as a PDF: what was submitted (the answers with
   * their labels, the documents by what they are), the number, the status and the history,
   * times in the МФЦ's time zone. Needs the network. Show or save it with
   * `URL.createObjectURL(blob)`.
   *
   * @throws {CabinetError} `not_found` (also another citizen's), `rate_limited` (a PDF of the
   *   account is being drawn), `server_unavailable`, `network`
   *
   * @example
   * ```ts
   * const blob = await client.applications.copyPdf(id);
   * const link = Object.assign(document.createElement('a'), { href: URL.createObjectURL(blob), download: 'copy.pdf' });
   * link.click();
   * ```
   */
  copyPdf(id: string, options?: RequestOptions): Promise<Blob>;

  /**
   * Where the citizen's history downloads from, for a link: `csv` (for Excel) or `pdf`.
   * Answered at once, without loading anything.
   */
  exportUrl(format: 'csv' | 'pdf'): string;
}
