/**
 * Work that goes on after the answer was sent (a registry check, a message whose delivery
 * must not show in the answer's timing). Failures are logged, never thrown; `settled()`
 * lets the server finish the work before it closes the database, and tests wait for it.
 */
import type { FastifyBaseLogger } from 'fastify';

export class BackgroundTasks {
  readonly #running = new Set<Promise<void>>();
  readonly #log: FastifyBaseLogger;

  constructor(log: FastifyBaseLogger) {
    this.#log = log;
  }

  /** Starts `work` on a later turn of the event loop, so that it never runs within the request. */
  run(name: string, work: () => Promise<void>): void {
    const task = new Promise<void>((resolve) => setImmediate(resolve))
      .then(work)
      .catch((error: unknown) => this.#log.error({ err: error, task: name }, 'background task failed'))
      .finally(() => this.#running.delete(task));
    this.#running.add(task);
  }

  /** Whether no task is running. */
  get idle(): boolean {
    return this.#running.size === 0;
  }

  /** Resolves once every task started so far, and any they started, has finished. */
  async settled(): Promise<void> {
    while (this.#running.size > 0) await Promise.all(this.#running);
  }
}
