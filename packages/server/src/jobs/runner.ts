/**
 * Durable jobs: work that must survive a restart and run once across the instances of the
 * server sharing one database. A feature defines its kinds (`ServerFeature.jobs`); anything
 * may queue one (`enqueue`, inside a transaction too); each instance's runner polls for due
 * jobs, takes a batch under a lease and runs their handlers.
 *
 * - Claim: in one transaction, the due jobs whose lease is free or expired, oldest first,
 *   then the lease set. On PostgreSQL the select is `FOR UPDATE SKIP LOCKED`, so instances
 *   never take the same job; SQLite has one instance (one writer), and the same query
 *   without the locking clause ({@link JobRunner.claim}, the one place they differ).
 * - A job whose instance died keeps its lease until `leaseUntil`, then is taken again.
 * - `attempts` counts the runs started. A failure queues the job again after its backoff;
 *   after `maxAttempts` it is finished with its `lastError`, and logged.
 * - A recurring job (`every`) has one queued run, under the key `every:<kind>`; when it
 *   has run, the next is queued.
 * - Time is the server's {@link Clock}: tests move it, and `runDue()` / `settled()` run
 *   what is due now and wait for it.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { sql, type Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database, DatabaseSchema } from '../db/database.js';
import { dialectOf, type DialectName } from '../db/dialect.js';
import { orderedId } from '../security/tokens.js';
import type { JobsTable } from './tables.js';

/** What a handler is told of the job it runs. */
export interface JobInfo {
  id: string;
  kind: string;
  key: string | null;
  /** 1 for the first run. */
  attempt: number;
}

export type JobHandler<Payload = any> = (payload: Payload, job: JobInfo) => Promise<void>;

export interface JobOptions {
  /** Runs before the job is given up (1: no retry). 5 by default. */
  maxAttempts?: number;
  /** The wait (ms) before the next run after the failed run number `attempt`; by default 30 s doubled each time, at most an hour. */
  backoff?: (attempt: number) => number;
  /** A recurring job: one run queued at start, and the next this long (ms) after each run. */
  every?: number;
}

/** One kind of job a feature defines: its handler and options. */
export interface JobDefinition<Payload = any> extends JobOptions {
  run: JobHandler<Payload>;
}

/** A feature's kinds of job, by name (`<feature>:<what>`). */
export type JobDefinitions = Readonly<Record<string, JobDefinition>>;

export interface EnqueueOptions {
  /** When it is due (ms, the server's clock); now by default. */
  runAt?: number;
  /** At most one unfinished job has this key: another `enqueue` with it queues nothing. */
  key?: string;
  /** The transaction to queue it in (it runs only if that commits). */
  db?: Kysely<DatabaseSchema>;
}

export interface JobRunnerDeps {
  db: Database;
  clock: Clock;
  log: FastifyBaseLogger;
  /** How often (real ms) to look for due jobs. */
  pollMs: number;
  /** How long (ms, the server's clock) a taken job is held. */
  leaseMs: number;
  /** Jobs run at once by this instance, at most. */
  concurrency?: number;
}

const defaultMaxAttempts = 5;
const defaultBackoff = (attempt: number): number => Math.min(30_000 * 2 ** (attempt - 1), 3_600_000);
const recurringKey = (kind: string): string => `every:${kind}`;

export class JobRunner {
  /** This instance's name on the leases it holds. */
  readonly owner = randomUUID();
  readonly #db: Database;
  readonly #dialect: DialectName;
  readonly #clock: Clock;
  readonly #log: FastifyBaseLogger;
  readonly #pollMs: number;
  readonly #leaseMs: number;
  readonly #concurrency: number;
  readonly #kinds = new Map<string, Required<Omit<JobOptions, 'every'>> & { run: JobHandler; every: number | undefined }>();
  /** Claims and runs under way. */
  readonly #work = new Set<Promise<unknown>>();
  #running = 0;
  #timer: NodeJS.Timeout | undefined;
  #started = false;
  #stopped = false;

  constructor({ db, clock, log, pollMs, leaseMs, concurrency = 8 }: JobRunnerDeps) {
    this.#db = db;
    this.#dialect = dialectOf(db);
    this.#clock = clock;
    this.#log = log;
    this.#pollMs = pollMs;
    this.#leaseMs = leaseMs;
    this.#concurrency = concurrency;
  }

  /** Defines the kind `kind`; this instance runs only the kinds it defined. */
  define<Payload>(kind: string, run: JobHandler<Payload>, options: JobOptions = {}): void {
    if (this.#kinds.has(kind)) throw new Error(`the job kind ${kind} is defined twice`);
    const { maxAttempts = defaultMaxAttempts, backoff = defaultBackoff, every } = options;
    if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new RangeError(`job ${kind}: maxAttempts must be a whole number from 1`);
    this.#kinds.set(kind, { run: run as JobHandler, maxAttempts, backoff, every: undefined });
    if (every !== undefined) this.#everyLater(kind, every);
  }

  /** Makes the defined kind `kind` recurring: one run queued (now, or at start), and the next `ms` after each run. */
  async every(kind: string, ms: number): Promise<void> {
    this.#everyLater(kind, ms);
    if (this.#started) await this.#ensureRecurring(kind);
  }

  /** Queues a job of `kind`; returns `false` when an unfinished job has its `key` already. */
  async enqueue(kind: string, payload: unknown, { runAt, key, db = this.#db }: EnqueueOptions = {}): Promise<boolean> {
    const definition = this.#kinds.get(kind);
    if (!definition) throw new Error(`the job kind ${kind} is not defined`);
    const now = this.#clock.now();
    const row: JobsTable = {
      id: orderedId(),
      kind,
      key: key ?? null,
      payload: JSON.stringify(payload ?? null),
      runAt: runAt ?? now,
      attempts: 0,
      maxAttempts: definition.maxAttempts,
      leaseOwner: null,
      leaseUntil: null,
      lastError: null,
      createdAt: now,
      finishedAt: null,
    };
    const { numInsertedOrUpdatedRows } = await db
      .insertInto('jobs')
      .values(row)
      .onConflict((oc) => oc.column('key').where('finishedAt', 'is', null).doNothing())
      .executeTakeFirst();
    const queued = Number(numInsertedOrUpdatedRows ?? 0n) > 0;
    // Due now, queued outside a transaction: run it at once rather than at the next poll.
    if (queued && db === this.#db && row.runAt <= now) this.nudge();
    return queued;
  }

  /** Queues the recurring jobs and starts polling (every `pollMs`, without keeping the process alive). */
  async start(): Promise<void> {
    this.#started = true;
    for (const [kind, { every }] of this.#kinds) if (every !== undefined) await this.#ensureRecurring(kind);
    this.#timer ??= setInterval(() => this.nudge(), this.#pollMs).unref();
    this.nudge();
  }

  /** Runs the jobs due now (by the clock) until none is left; returns how many ran. */
  async runDue(): Promise<number> {
    let ran = 0;
    for (;;) {
      const jobs = await this.claim(this.#concurrency);
      if (jobs.length === 0) return ran;
      ran += jobs.length;
      await Promise.all(jobs.map((job) => this.#run(job)));
    }
  }

  /** Resolves when nothing is running and nothing is due now (by the clock) that this instance could take. */
  async settled(): Promise<void> {
    for (;;) {
      while (this.#work.size > 0) await Promise.allSettled([...this.#work]);
      if (this.#stopped || (await this.runDue()) === 0) {
        if (this.#work.size === 0) return;
      }
    }
  }

  /** Stops polling and waits for the jobs running; takes no more. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearInterval(this.#timer);
    this.#timer = undefined;
    while (this.#work.size > 0) await Promise.allSettled([...this.#work]);
  }

  /**
   * Takes up to `limit` due jobs of the kinds defined here, leased to this instance: the
   * select and the lease in one transaction, the select locking what it takes and skipping
   * what another instance is taking on PostgreSQL (SQLite serialises its writers).
   */
  async claim(limit: number): Promise<JobsTable[]> {
    const kinds = [...this.#kinds.keys()];
    if (this.#stopped || kinds.length === 0 || limit < 1) return [];
    const now = this.#clock.now();
    return this.#db.transaction().execute(async (trx) => {
      let due = trx
        .selectFrom('jobs')
        .selectAll()
        .where('finishedAt', 'is', null)
        .where('runAt', '<=', now)
        .where((eb) => eb.or([eb('leaseUntil', 'is', null), eb('leaseUntil', '<=', now)]))
        .where('kind', 'in', kinds)
        .orderBy('runAt')
        .orderBy('id')
        .limit(limit);
      if (this.#dialect === 'postgres') due = due.forUpdate().skipLocked();
      const rows = await due.execute();
      if (rows.length === 0) return [];
      await trx
        .updateTable('jobs')
        .set({ leaseOwner: this.owner, leaseUntil: now + this.#leaseMs, attempts: sql<number>`attempts + 1` })
        .where('id', 'in', rows.map(({ id }) => id))
        .execute();
      return rows.map((row) => ({ ...row, attempts: row.attempts + 1, leaseOwner: this.owner, leaseUntil: now + this.#leaseMs }));
    });
  }

  /** Looks for due jobs now, unless as many as it may run are running (after a transaction that queued some committed). */
  nudge(): void {
    if (this.#stopped || !this.#started) return;
    const room = this.#concurrency - this.#running;
    if (room < 1) return;
    this.#track(
      this.claim(room).then(
        (jobs) => {
          for (const job of jobs) this.#track(this.#run(job));
        },
        (error: unknown) => {
          if (!this.#stopped) this.#log.error({ err: error }, 'claiming jobs failed');
        },
      ),
    );
  }

  #track(work: Promise<unknown>): void {
    this.#work.add(work);
    void work.finally(() => this.#work.delete(work));
  }

  async #run(job: JobsTable): Promise<void> {
    const definition = this.#kinds.get(job.kind);
    if (!definition) return;
    this.#running += 1;
    try {
      // Every run of it died (its instance stopped before it finished): given up.
      if (job.attempts > job.maxAttempts) throw new Error(`its ${job.maxAttempts} runs did not finish`);
      await definition.run(JSON.parse(job.payload) as unknown, { id: job.id, kind: job.kind, key: job.key, attempt: job.attempts });
      await this.#finish(job, null);
    } catch (error) {
      await this.#failed(job, error).catch((failure: unknown) => this.#log.error({ err: failure, job: job.id, kind: job.kind }, 'recording a failed job failed'));
    } finally {
      this.#running -= 1;
    }
  }

  async #failed(job: JobsTable, error: unknown): Promise<void> {
    const definition = this.#kinds.get(job.kind)!;
    const lastError = error instanceof Error ? (error.stack ?? error.message) : String(error);
    if (job.attempts >= definition.maxAttempts || job.attempts >= job.maxAttempts) {
      this.#log.error({ err: error, job: job.id, kind: job.kind, attempts: job.attempts }, 'job failed, given up');
      await this.#finish(job, lastError);
      return;
    }
    const runAt = this.#clock.now() + definition.backoff(job.attempts);
    this.#log.warn({ err: error, job: job.id, kind: job.kind, attempts: job.attempts, runAt }, 'job failed, will run again');
    await this.#db
      .updateTable('jobs')
      .set({ runAt, lastError, leaseOwner: null, leaseUntil: null })
      .where('id', '=', job.id)
      .where('leaseOwner', '=', this.owner)
      .execute();
  }

  /** Marks the job finished (failed with `lastError`, or done) and queues a recurring one's next run. */
  async #finish(job: JobsTable, lastError: string | null): Promise<void> {
    const every = this.#kinds.get(job.kind)?.every;
    const now = this.#clock.now();
    await this.#db.transaction().execute(async (trx) => {
      const { numUpdatedRows } = await trx
        .updateTable('jobs')
        .set({ finishedAt: now, lastError, leaseOwner: null, leaseUntil: null })
        .where('id', '=', job.id)
        .where('leaseOwner', '=', this.owner)
        .executeTakeFirst();
      if (numUpdatedRows > 0n && every !== undefined && job.key === recurringKey(job.kind)) {
        await this.enqueue(job.kind, null, { key: job.key, runAt: now + every, db: trx });
      }
    });
  }

  #everyLater(kind: string, ms: number): void {
    const definition = this.#kinds.get(kind);
    if (!definition) throw new Error(`the job kind ${kind} is not defined`);
    if (!Number.isFinite(ms) || ms <= 0) throw new RangeError(`job ${kind}: every must be a positive number of ms`);
    definition.every = ms;
  }

  async #ensureRecurring(kind: string): Promise<void> {
    await this.enqueue(kind, null, { key: recurringKey(kind) });
  }
}
