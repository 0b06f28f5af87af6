/**
 * The PDF exports of a citizen (the applications; all the cabinet's data), which cost CPU
 * (about 357 ms for 300 applications): drawn in a worker thread so that other requests are
 * answered meanwhile, one at a time per account, and kept for as long as what they show
 * does not change.
 *
 * - One export at a time per account: a second one while the first runs is
 *   `rate_limited` with `Retry-After`. The lock is this process's memory: two instances
 *   of the server behind a balancer each allow one.
 * - The document is kept in this process's memory (a least recently used list, at most
 *   {@link maxCachedAccounts} accounts and {@link maxCachedBytes} bytes), under the
 *   version of what it shows: a hash of exactly what the PDF draws (see `pdfContent`), so
 *   any new draft, change of status or step of the history gives a new document, and the
 *   same content gives the same bytes without drawing again. Its «Сформировано» is the
 *   time it was first drawn from that content.
 * - A drawing that takes longer than `PDF_EXPORT_TIMEOUT_SECONDS`, or whose thread dies,
 *   is `server_unavailable` (503); never a request left hanging.
 */
import { createHash } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { ApiError } from '../api-error.js';
import type { Clock } from '../clock.js';
import { formatWait } from '../texts.js';
import { TaskError, TaskWorker, workerModule } from '../workers/task-worker.js';
import type { Applications } from './applications.js';
import type { ExportPdfInput, ExportPdfTasks } from './export-pdf-worker.js';
import type { PdfCopy } from './copy-pdf.js';
import { pdfContent, type PdfAccount } from './export-pdf.js';

/** What a task of the worker draws from. */
type ContentOf<Task extends keyof ExportPdfTasks> = Parameters<ExportPdfTasks[Task]>[0] extends ExportPdfInput<infer Content> ? Content : never;

/** The PDFs kept (of an account's applications, or of all its data). */
export const maxCachedAccounts = 100;
/** The bytes of the PDFs kept, in all. */
export const maxCachedBytes = 64 * 1024 * 1024;
/** What `Retry-After` says to a second export while one runs. */
const retryAfterSeconds = 5;

/** Seams for tests. */
export interface PdfExportHooks {
  /**
   * Called in the main thread each time a PDF is drawn (not when it is answered from
   * memory). A flag returned holds the worker thread, before it draws, until the flag's
   * first element is not 0 (`Atomics.store` and `Atomics.notify`).
   */
  onRender?(accountId: string): Int32Array | undefined;
}

export interface PdfExportsDeps {
  applications: Applications;
  clock: Clock;
  log: FastifyBaseLogger;
  /** Longest one drawing may take. */
  timeoutMs: number;
  /** The IANA time zone of the municipality: the PDFs tell their times in it. */
  timeZone: string;
  hooks?: PdfExportHooks | undefined;
}

interface Kept {
  version: string;
  pdf: Buffer;
}

export class PdfExports {
  readonly #applications: Applications;
  readonly #clock: Clock;
  readonly #log: FastifyBaseLogger;
  readonly #hooks: PdfExportHooks;
  readonly #timeZone: string;
  readonly #worker: TaskWorker<ExportPdfTasks>;
  /** The accounts whose export runs now. */
  readonly #running = new Set<string>();
  /** The last PDF of each kind of each account, least recently used first (a Map keeps the order of insertion). */
  readonly #kept = new Map<string, Kept>();
  #keptBytes = 0;

  constructor({ applications, clock, log, timeoutMs, timeZone, hooks }: PdfExportsDeps) {
    this.#applications = applications;
    this.#timeZone = timeZone;
    this.#log = log;
    this.#clock = clock;
    this.#hooks = hooks ?? {};
    this.#worker = new TaskWorker<ExportPdfTasks>({
      module: workerModule(import.meta.url, 'export-pdf-worker'),
      threads: 2,
      timeoutMs,
      resourceLimits: { maxOldGenerationSizeMb: 256 },
    });
  }

  /**
   * The PDF of the citizen's applications and their histories.
   *
   * @throws {ApiError} `rate_limited` (a PDF of the account is being drawn), `server_unavailable` (the drawing took too long or its thread died), `internal`
   */
  pdf(account: { id: string; name: string }): Promise<Buffer> {
    return this.#export(account.id, 'applicationsPdf', async () => ({ name: account.name, applications: pdfContent(await this.#applications.all(account.id)) }));
  }

  /**
   * The PDF of everything the cabinet holds of the citizen, from `content` (read by the
   * data export). The same rules: one PDF of an account at a time, kept while its content
   * does not change.
   *
   * @throws {ApiError} as {@link pdf}
   */
  accountPdf(accountId: string, content: () => Promise<PdfAccount>): Promise<Buffer> {
    return this.#export(accountId, 'accountPdf', content);
  }

  /**
   * The printable copy of the citizen's application `applicationId`, from `content`. The
   * same rules: one PDF of an account at a time, kept (per application) while its content
   * does not change.
   *
   * @throws {ApiError} as {@link pdf}, and whatever `content` throws (`not_found`)
   */
  copyPdf(accountId: string, applicationId: string, content: () => Promise<PdfCopy>): Promise<Buffer> {
    return this.#export(accountId, 'copyPdf', content, applicationId);
  }

  async #export<Task extends keyof ExportPdfTasks>(accountId: string, task: Task, read: () => Promise<ContentOf<Task>>, of = ''): Promise<Buffer> {
    if (this.#running.has(accountId)) {
      throw new ApiError('rate_limited', {
        retryAfter: retryAfterSeconds,
        detail: `PDF с вашими данными уже формируется: дождитесь его. Попробуйте снова через ${formatWait(retryAfterSeconds)}.`,
      });
    }
    this.#running.add(accountId);
    try {
      const content = await read();
      const key = `${task}:${accountId}:${of}`;
      const version = createHash('sha256').update(JSON.stringify(content)).digest('base64url');
      const kept = this.#kept.get(key);
      if (kept?.version === version) {
        this.#keep(key, kept);
        return kept.pdf;
      }
      const hold = this.#hooks.onRender?.(accountId);
      const pdf = await this.#draw(task, { content, generatedAt: this.#clock.now(), timeZone: this.#timeZone, ...(hold ? { hold } : {}) } as Parameters<ExportPdfTasks[Task]>[0]);
      this.#keep(key, { version, pdf });
      return pdf;
    } finally {
      this.#running.delete(accountId);
    }
  }

  /** Ends the worker threads (when the server closes). */
  close(): Promise<void> {
    return this.#worker.close();
  }

  async #draw<Task extends keyof ExportPdfTasks>(task: Task, input: Parameters<ExportPdfTasks[Task]>[0]): Promise<Buffer> {
    try {
      const bytes = await this.#worker.run(task, input);
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    } catch (error) {
      this.#log.error({ err: error }, 'the PDF export was not drawn');
      if (error instanceof TaskError && error.code !== 'task_failed') {
        throw new ApiError('server_unavailable', { detail: 'PDF не удалось сформировать вовремя. Попробуйте позже или скачайте CSV.' }, { cause: error });
      }
      throw new ApiError('internal', { detail: 'PDF не удалось сформировать. Попробуйте позже или скачайте CSV.' }, { cause: error });
    }
  }

  /** Keeps `entry` under `key` (a kind of PDF and an account) as the most recently used, dropping the least recently used over the bounds. */
  #keep(key: string, entry: Kept): void {
    const previous = this.#kept.get(key);
    if (previous) {
      this.#kept.delete(key);
      this.#keptBytes -= previous.pdf.length;
    }
    if (entry.pdf.length > maxCachedBytes) return;
    this.#kept.set(key, entry);
    this.#keptBytes += entry.pdf.length;
    for (const [oldest, { pdf }] of this.#kept) {
      if (this.#kept.size <= maxCachedAccounts && this.#keptBytes <= maxCachedBytes) break;
      this.#kept.delete(oldest);
      this.#keptBytes -= pdf.length;
    }
  }
}
