/**
 * The worker thread of {@link FileContents}: reads a stored file and checks that it is
 * what its signature says (see `file-contents.ts`).
 */
import { readFile } from 'node:fs/promises';
import type { FileKind } from '@mfc-cabinet/core/file-signatures';
import { serveTasks } from '../workers/task-worker.js';
import { checkContents, type ContentsCheck } from './file-contents.js';

export interface ContentsTask {
  /** The file to check. */
  path: string;
  /** Its kind by its signature. */
  kind: FileKind;
}

export const contentsTasks = {
  async checkContents({ path, kind }: ContentsTask): Promise<ContentsCheck> {
    return checkContents(kind, new Uint8Array(await readFile(path)));
  },
};

export type ContentsTasks = typeof contentsTasks;

// The parsers load before the thread says it is ready, so that their loading does not count against a file's time.
await Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import('pngjs'), import('jpeg-js')]);
serveTasks(contentsTasks);
