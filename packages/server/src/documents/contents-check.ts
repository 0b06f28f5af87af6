/**
 * The check of what a stored file really is (see `file-contents.ts`), in a worker thread
 * with a time and a memory limit, so that a PDF that takes long to parse holds no other
 * request. A file the check could not finish with (its time ran out, its thread ran out of
 * memory or died) is refused like one that is not what it says: a file that makes the
 * parser hang is not an acceptable file. An accepted file is cut to its own end.
 */
import { truncate } from 'node:fs/promises';
import type { ResourceLimits } from 'node:worker_threads';
import type { FastifyBaseLogger } from 'fastify';
import type { FileKind } from '@mfc-cabinet/core/file-signatures';
import { TaskError, TaskWorker, workerModule } from '../workers/task-worker.js';
import { parsedKinds, refusalOf } from './file-contents.js';
import type { ContentsTasks } from './file-contents-worker.js';

/** How long the check of one file may take. */
export const contentsTimeoutMs = 10_000;

/** The memory of the thread that checks files. */
export const contentsResourceLimits: ResourceLimits = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 32 };

export interface FileContentsOptions {
  log: FastifyBaseLogger;
  timeoutMs?: number;
  resourceLimits?: ResourceLimits;
  /** The worker module (tests pass one that hangs or crashes); it serves `checkContents`. */
  module?: URL;
}

/** The file is what it says and is now `size` bytes long, or it is refused with `message`. */
export type StoredCheck = { ok: true; size: number } | { ok: false; message: string };

export class FileContents {
  readonly #log: FastifyBaseLogger;
  readonly #worker: TaskWorker<ContentsTasks>;

  constructor({ log, timeoutMs = contentsTimeoutMs, resourceLimits = contentsResourceLimits, module = workerModule(import.meta.url, 'file-contents-worker') }: FileContentsOptions) {
    this.#log = log;
    this.#worker = new TaskWorker<ContentsTasks>({ module, timeoutMs, resourceLimits });
  }

  /**
   * Checks the file at `path` of `size` bytes, a `kind` by its signature; an accepted file
   * whose bytes go on after its end is cut there. The caller deletes a refused one.
   */
  async check(path: string, kind: FileKind, size: number): Promise<StoredCheck> {
    if (!parsedKinds.includes(kind)) return { ok: true, size };
    let end: number;
    try {
      const result = await this.#worker.run('checkContents', { path, kind });
      if (!result.ok) {
        this.#log.info({ kind, size }, 'file refused: its contents are not what its signature says');
        return result;
      }
      end = result.end;
    } catch (error) {
      if (!(error instanceof TaskError)) throw error;
      this.#log.warn({ kind, size, code: error.code, reason: error.message }, 'file refused: its check did not finish');
      return { ok: false, message: refusalOf(kind) };
    }
    if (end < size) {
      await truncate(path, end);
      this.#log.info({ kind, size, cut: size - end }, 'bytes after the end of a file cut off');
    }
    return { ok: true, size: end };
  }

  /** Ends the worker thread; checks under way are refused. */
  close(): Promise<void> {
    return this.#worker.close();
  }
}
