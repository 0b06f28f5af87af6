/**
 * What `client.applications` does, loaded with its first call or at sign-in: requests and
 * answers' schemas, the encrypted per-user cache read stale-while-revalidate, the outbox of
 * writes replayed on reconnect (one tab at a time, under a Web Lock), changes shared
 * between tabs, and the rules of logout (wipe) and expiry (keep).
 */
import { Application, ApplicationPage, idempotencyKeyHeader } from './schemas.js';
import type {
  ApplicationFilters,
  ApplicationPageOptions,
  ApplicationsClient,
  WatchInfo,
  WatchOptions,
  WriteResult,
} from './client.js';
import type { AuthClient } from '../auth/client.js';
import type { NewWrite, QueuedWrite, UserData } from '../cache/user-db.js';
import type { TabMessage, UserSession } from '../cache/user-session.js';
import { CabinetError, isCabinetError, type CabinetErrorCode } from '../errors.js';
import type { FormValues } from '../forms.js';
import type { Http, RequestOptions } from '../http.js';
import { withQuery } from '../query.js';

/** Failures after which a write waits in the outbox rather than being refused. */
const waitingCodes: readonly CabinetErrorCode[] = ['network', 'timeout', 'server_unavailable', 'rate_limited', 'unauthenticated', 'session_expired', 'csrf_failed'];

type Outcome = { application: Application } | { error: CabinetError; waits: boolean };
type Listener = (value: unknown, info: WatchInfo) => void;

/** `client.applications` but for `exportUrl`, which the client answers without loading this. */
export class ApplicationsStore implements Omit<ApplicationsClient, 'exportUrl'> {
  readonly #http: Http;
  readonly #auth: AuthClient;
  readonly #user: UserSession;
  readonly #watchers = new Map<string, Set<Listener>>();
  /**
   * How often each application changed by a write (of this tab, or one another tab told of).
   * A read begun before a change (the application fetched while its withdrawal was being
   * answered) is older than what watchers already have: it is neither kept nor told.
   */
  readonly #versions = new Map<string, number>();
  readonly #listWatchers = new Set<() => void>();
  readonly #pendingWatchers = new Set<(writes: QueuedWrite[]) => void>();
  #flushing: Promise<Map<number, Outcome>> | undefined;

  constructor(http: Http, auth: AuthClient, user: UserSession) {
    this.#http = http;
    this.#auth = auth;
    this.#user = user;
    user.onTabMessage((message) => void this.#onTabMessage(message));
    // Signed in (again), the outbox goes out; signed out, watchers of the outbox learn it is out of reach.
    user.onChange(() => void this.flush().then(() => this.#tellPending()).catch(() => undefined));
    globalThis.addEventListener?.('online', () => void this.flush().catch(() => undefined));
    void this.flush().catch(() => undefined);
  }

  /** What the first watch reads: the citizen's encrypted cache, opened (see `client.prepare`). */
  prepare(): void {
    void this.#user.data().catch(() => undefined);
  }

  async create(serviceId: string, options: RequestOptions = {}): Promise<Application> {
    return this.#remember(await this.#http.post('applications', { serviceId }, Application, options));
  }

  async get(id: string, options: RequestOptions = {}): Promise<Application> {
    const seen = this.#version(`application:${id}`);
    await this.#user.requireSignedIn(options);
    const application = await this.#http.get(`applications/${encodeURIComponent(id)}`, Application, options);
    const data = await this.#user.data();
    const waiting = (await data?.writes(id))?.find((write) => write.kind === 'save-draft' && !write.failure);
    const answer = waiting ? { ...application, values: (waiting.body as { values: FormValues }).values } : application;
    return this.#version(`application:${id}`) === seen ? this.#remember(answer, 'read') : answer;
  }

  copyPdf(id: string, options?: RequestOptions): Promise<Blob> {
    return this.#http.raw('get', `applications/${encodeURIComponent(id)}/copy.pdf`, options).then((response) => response.blob());
  }

  async list(filters: ApplicationFilters = {}, options: ApplicationPageOptions = {}): Promise<ApplicationPage> {
    await this.#user.requireSignedIn(options);
    const page = await this.#http.get(withQuery('applications', { ...filters, cursor: options.cursor, limit: options.limit }), ApplicationPage, options);
    if (!options.cursor) await this.#store(listKey(filters), page);
    return page;
  }

  watch(id: string, listener: (application: Application, info: WatchInfo) => void, options: WatchOptions): Promise<void> {
    return this.#watch(`application:${id}`, () => this.get(id, options), listener as Listener, options);
  }

  async watchList(filters: ApplicationFilters, listener: (page: ApplicationPage, info: WatchInfo) => void, options: WatchOptions): Promise<void> {
    const key = listKey(filters);
    const refetch = () => void this.list(filters, { signal: options.signal }).catch((error: unknown) => this.#report(error, options));
    this.#listWatchers.add(refetch);
    options.signal.addEventListener('abort', () => this.#listWatchers.delete(refetch), { once: true });
    return this.#watch(key, () => this.list(filters, { signal: options.signal }), listener as Listener, options);
  }

  async saveDraft(id: string, values: FormValues): Promise<WriteResult> {
    const cached = await (await this.#user.data())?.read<Application>(`application:${id}`);
    if (cached) {
      this.#changed(`application:${id}`);
      await this.#store(`application:${id}`, { ...cached, values });
    }
    return this.#write({ kind: 'save-draft', applicationId: id, idempotencyKey: null, body: { values } });
  }

  async submit(id: string): Promise<WriteResult> {
    const waiting = (await (await this.#user.data())?.writes(id))?.find((write) => write.kind === 'submit');
    return this.#write({ kind: 'submit', applicationId: id, idempotencyKey: waiting?.idempotencyKey ?? crypto.randomUUID(), body: null });
  }

  async withdraw(id: string, options: RequestOptions = {}): Promise<Application> {
    return this.#remember(await this.#http.post(`applications/${encodeURIComponent(id)}/withdraw`, undefined, Application, options));
  }

  async answer(id: string, values: FormValues, options: RequestOptions = {}): Promise<Application> {
    return this.#remember(await this.#http.post(`applications/${encodeURIComponent(id)}/answer`, { values }, Application, options));
  }

  async pending(): Promise<QueuedWrite[]> {
    return (await (await this.#user.data())?.writes()) ?? [];
  }

  async watchPending(listener: (writes: QueuedWrite[]) => void, { signal }: Pick<WatchOptions, 'signal'>): Promise<void> {
    if (signal.aborted) return;
    this.#pendingWatchers.add(listener);
    signal.addEventListener('abort', () => this.#pendingWatchers.delete(listener), { once: true });
    listener(await this.pending());
  }

  async flush(): Promise<void> {
    await this.#flush();
  }

  async retry(seq: number): Promise<void> {
    const data = await this.#user.requireData();
    const write = await data.queued(seq);
    if (write) await data.update({ ...write, failure: null });
    await this.#flush();
  }

  async discard(seq: number): Promise<void> {
    await (await this.#user.requireData()).remove(seq);
    await this.#outboxChanged();
  }

  // ——— writes and the outbox ———

  /** Queues a write first (so that nothing is lost if the page closes), then sends the outbox. */
  async #write(write: NewWrite): Promise<WriteResult> {
    const data = await this.#user.requireData();
    const queued = await data.queue(write);
    await this.#outboxChanged();
    let outcome: Outcome | undefined;
    // A flush already running may have read the outbox before this write: then one more.
    for (let round = 0; round < 2 && !outcome; round++) outcome = (await this.#flush()).get(queued.seq);
    if (outcome && 'application' in outcome) return { status: 'sent', application: outcome.application };
    if (outcome && !outcome.waits) {
      // The caller is told, so the refused write does not wait in the outbox.
      await data.remove(queued.seq);
      await this.#outboxChanged();
      throw outcome.error;
    }
    const application = await data.read<Application>(`application:${write.applicationId}`);
    const stillQueued = await data.queued(queued.seq);
    // Not sent here and not queued any more: another tab sent it.
    if (!stillQueued && application) return { status: 'sent', application };
    return { status: 'queued', application, write: stillQueued ?? queued };
  }

  /** Sends the queued writes in order; one tab at a time, so that none goes twice. */
  #flush(): Promise<Map<number, Outcome>> {
    this.#flushing ??= (async () => {
      const data = await this.#user.data();
      if (!data || this.#auth.state.status !== 'signed-in') return new Map<number, Outcome>();
      const replay = () => this.#replay(data);
      return navigator.locks ? navigator.locks.request(this.#http.scoped('mfc-cabinet-outbox '), replay) : replay();
    })().finally(() => (this.#flushing = undefined));
    return this.#flushing;
  }

  async #replay(data: UserData): Promise<Map<number, Outcome>> {
    const outcomes = new Map<number, Outcome>();
    for (const write of await data.writes()) {
      if (write.failure) continue;
      try {
        const application = await this.#send(write);
        await data.remove(write.seq);
        outcomes.set(write.seq, { application: await this.#remember(application) });
      } catch (error) {
        const failure = asCabinetError(error, this.#http);
        const waits = waitingCodes.includes(failure.code);
        outcomes.set(write.seq, { error: failure, waits });
        if (waits) break;
        await data.update({ ...write, failure: { code: failure.code, message: failure.message, fieldErrors: failure.fieldErrors } });
      }
    }
    if (outcomes.size > 0) await this.#outboxChanged();
    return outcomes;
  }

  #send(write: QueuedWrite): Promise<Application> {
    const path = `applications/${encodeURIComponent(write.applicationId)}`;
    return write.kind === 'submit'
      ? this.#http.post(`${path}/submit`, undefined, Application, { headers: { [idempotencyKeyHeader]: write.idempotencyKey! } })
      : this.#http.put(`${path}/draft`, write.body, Application);
  }

  // ——— the cache, watchers and tabs ———

  async #watch(key: string, fetch: () => Promise<unknown>, listener: Listener, options: WatchOptions): Promise<void> {
    if (options.signal.aborted) return;
    const listeners = this.#watchers.get(key) ?? new Set();
    this.#watchers.set(key, listeners);
    listeners.add(listener);
    options.signal.addEventListener('abort', () => listeners.delete(listener), { once: true });
    const seen = this.#version(key);
    const cached = await (await this.#user.data())?.read(key);
    if (cached !== undefined && !options.signal.aborted && this.#version(key) === seen) listener(cached, { stale: true });
    // The answer reaches the listener through #store, like every later change.
    await fetch().catch((error: unknown) => this.#report(error, options));
  }

  #report(error: unknown, options: WatchOptions): void {
    if (!options.signal.aborted) options.onError?.(asCabinetError(error, this.#http));
  }

  /** Keeps an application the server answered with: a `read`, or the result of a change (which makes reads begun before it out of date). */
  async #remember(application: Application, answered: 'read' | 'change' = 'change'): Promise<Application> {
    if (answered === 'change') this.#changed(`application:${application.id}`);
    await this.#store(`application:${application.id}`, application);
    for (const refetch of this.#listWatchers) refetch();
    return application;
  }

  /** Keeps a record (when someone is signed in), tells this tab's watchers and the other tabs. */
  async #store(key: string, value: unknown): Promise<void> {
    await (await this.#user.data())?.write(key, value);
    this.#notify(key, value);
    this.#user.post({ type: 'record', key });
  }

  #version(key: string): number {
    return this.#versions.get(key) ?? 0;
  }

  #changed(key: string): void {
    this.#versions.set(key, this.#version(key) + 1);
  }

  #notify(key: string, value: unknown): void {
    for (const listener of this.#watchers.get(key) ?? []) listener(value, { stale: false });
  }

  async #outboxChanged(): Promise<void> {
    this.#user.post({ type: 'outbox' });
    await this.#tellPending();
  }

  async #tellPending(): Promise<void> {
    if (this.#pendingWatchers.size === 0) return;
    const writes = await this.pending();
    for (const listener of this.#pendingWatchers) listener(writes);
  }

  async #onTabMessage(message: TabMessage): Promise<void> {
    if (message.type === 'outbox') return this.#tellPending();
    this.#changed(message.key);
    const value = await (await this.#user.data())?.read(message.key);
    if (value === undefined) return;
    this.#notify(message.key, value);
    if (message.key.startsWith('application:')) for (const refetch of this.#listWatchers) refetch();
  }
}

function listKey(filters: ApplicationFilters): string {
  const entries = Object.entries(filters).filter(([, value]) => value !== undefined && value !== '');
  return `applications:${new URLSearchParams(entries.sort())}`;
}

function asCabinetError(error: unknown, http: Http): CabinetError {
  return isCabinetError(error) ? error : new CabinetError('network', { message: http.message('network'), cause: error });
}
