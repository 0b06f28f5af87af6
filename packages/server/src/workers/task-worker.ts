/**
 * Work that would hold the event loop (checking that a PDF parses, drawing one) done in
 * worker threads, so that other requests are answered meanwhile.
 *
 * A {@link TaskWorker} keeps a small pool of threads running one module that called
 * {@link serveTasks}; tasks wait in order for a free thread. Each task has a time limit,
 * counted once its thread has loaded the module (a new thread gets {@link startupLimitMs}
 * for that, as loading may take longer than a task): a thread that exceeds it (a parser
 * caught in a loop) is ended and the task fails with `task_timeout`; a thread that dies
 * (out of memory under its `resourceLimits`) fails its task with `task_crashed`; a new
 * thread takes the next task either way. Threads start when first needed and do not keep
 * the process alive.
 */
import { parentPort, Worker, type ResourceLimits } from 'node:worker_threads';

/** What a worker module serves: each task by name, taking one input that can be posted to a thread. */
export type TaskHandlers = Record<string, (input: never) => unknown>;

/** Why a task gave no result. */
export type TaskFailure = 'task_failed' | 'task_timeout' | 'task_crashed';

export class TaskError extends Error {
  readonly code: TaskFailure;

  constructor(code: TaskFailure, message: string) {
    super(message);
    this.name = 'TaskError';
    this.code = code;
  }
}

export interface TaskWorkerOptions {
  /** The module that serves the tasks (see {@link workerModule}). */
  module: URL;
  /** Most threads at once (default 1). */
  threads?: number;
  /** Longest one task may run, in milliseconds. */
  timeoutMs: number;
  /** The memory each thread may use; over it the thread ends and its task fails with `task_crashed`. */
  resourceLimits?: ResourceLimits;
}

interface Job {
  name: string;
  input: unknown;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

interface Thread {
  worker: Worker;
  /** Whether the module has loaded and serves tasks. */
  ready: boolean;
  job?: Job;
  timer?: NodeJS.Timeout;
}

type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string } | { ready: true };

/** Longest a new thread may take to load its module before its first task counts its own time limit. */
export const startupLimitMs = 30_000;

/**
 * The URL of the worker module `name` beside `base` (pass `import.meta.url`), with the
 * extension `base` has: `.js` when built, `.ts` when run from source by tsx.
 */
export function workerModule(base: string, name: string): URL {
  return new URL(`./${name}${base.endsWith('.ts') ? '.ts' : '.js'}`, base);
}

export class TaskWorker<Handlers extends TaskHandlers> {
  readonly #options: Required<Omit<TaskWorkerOptions, 'resourceLimits'>> & Pick<TaskWorkerOptions, 'resourceLimits'>;
  readonly #threads = new Set<Thread>();
  readonly #queue: Job[] = [];
  #closed = false;

  constructor(options: TaskWorkerOptions) {
    this.#options = { threads: 1, ...options };
  }

  /** Tasks waiting for a free thread. */
  get waiting(): number {
    return this.#queue.length;
  }

  /** Runs the task `name` on `input` in a thread; rejects with a {@link TaskError}. */
  run<Name extends keyof Handlers & string>(
    name: Name,
    input: Parameters<Handlers[Name]>[0],
  ): Promise<Awaited<ReturnType<Handlers[Name]>>> {
    if (this.#closed) return Promise.reject(new TaskError('task_failed', 'the task worker is closed'));
    return new Promise((resolve, reject) => {
      this.#queue.push({ name, input, resolve: resolve as (value: unknown) => void, reject });
      this.#next();
    });
  }

  /** Ends every thread; tasks not finished fail with `task_failed`. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const job of this.#queue.splice(0)) job.reject(new TaskError('task_failed', 'the task worker closed'));
    await Promise.all(
      [...this.#threads].map((thread) => {
        this.#end(thread, new TaskError('task_failed', 'the task worker closed'));
        return thread.worker.terminate();
      }),
    );
  }

  #next(): void {
    while (this.#queue.length > 0) {
      let thread = [...this.#threads].find((candidate) => !candidate.job);
      if (!thread) {
        if (this.#threads.size >= this.#options.threads) return;
        thread = this.#spawn();
      }
      this.#give(thread, this.#queue.shift()!);
    }
  }

  #spawn(): Thread {
    const { module, resourceLimits } = this.#options;
    const worker = module.pathname.endsWith('.ts')
      ? // Run from source (tests): the thread registers tsx's loader before it loads the module.
        new Worker(
          `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ register }) => { register(); return import(${JSON.stringify(module.href)}); });`,
          { eval: true, resourceLimits },
        )
      : new Worker(module, { resourceLimits });
    worker.unref();
    const thread: Thread = { worker, ready: false };
    this.#threads.add(thread);
    worker.on('message', (reply: Reply) => {
      if ('ready' in reply) {
        thread.ready = true;
        if (thread.job) this.#limit(thread, thread.job);
        return;
      }
      const job = thread.job;
      if (!job) return;
      clearTimeout(thread.timer);
      thread.job = undefined;
      thread.timer = undefined;
      worker.unref();
      if (reply.ok) job.resolve(reply.value);
      else job.reject(new TaskError('task_failed', reply.message));
      this.#next();
    });
    worker.on('error', (error) => this.#lose(thread, new TaskError('task_crashed', error.message)));
    worker.on('exit', (exitCode) => this.#lose(thread, new TaskError('task_crashed', `the worker thread exited with code ${exitCode}`)));
    return thread;
  }

  #give(thread: Thread, job: Job): void {
    thread.job = job;
    thread.worker.ref();
    this.#limit(thread, job);
    thread.worker.postMessage({ id: 0, name: job.name, input: job.input });
  }

  /** Ends the thread when `job` runs over its time limit (or, until the thread is ready, over {@link startupLimitMs}). */
  #limit(thread: Thread, job: Job): void {
    clearTimeout(thread.timer);
    const limitMs = thread.ready ? this.#options.timeoutMs : Math.max(startupLimitMs, this.#options.timeoutMs);
    thread.timer = setTimeout(() => {
      const what = thread.ready ? `the task ${job.name} took longer than ${limitMs} ms` : `the worker thread did not start within ${limitMs} ms`;
      this.#lose(thread, new TaskError('task_timeout', what));
      void thread.worker.terminate();
    }, limitMs);
  }

  /** Forgets `thread` (it died or is being ended), failing its task with `error`, and goes on with the queue. */
  #lose(thread: Thread, error: TaskError): void {
    if (!this.#threads.has(thread)) return;
    this.#end(thread, error);
    if (!this.#closed) this.#next();
  }

  #end(thread: Thread, error: TaskError): void {
    this.#threads.delete(thread);
    clearTimeout(thread.timer);
    const job = thread.job;
    thread.job = undefined;
    job?.reject(error);
  }
}

/** In a worker module: answers the tasks of `handlers` posted by a {@link TaskWorker}. */
export function serveTasks(handlers: TaskHandlers): void {
  const port = parentPort;
  if (!port) throw new Error('serveTasks runs in a worker thread');
  port.on('message', async ({ id, name, input }: { id: number; name: string; input: never }) => {
    let reply: Reply;
    try {
      const handler = Object.hasOwn(handlers, name) ? handlers[name] : undefined;
      if (!handler) throw new Error(`no task named ${name}`);
      reply = { id, ok: true, value: await handler(input) };
    } catch (error) {
      reply = { id, ok: false, message: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(reply);
  });
  // The module has loaded: the time limit of the tasks counts from now.
  port.postMessage({ ready: true } satisfies Reply);
}
