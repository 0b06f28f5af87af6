/**
 * Where the bytes live: `uploads/` holds unfinished tus uploads (the file store's data and
 * its `.json` records), `vault/` the files of documents, each named by its document's id.
 * No name a citizen chose ever becomes part of a path.
 */
import { createReadStream, mkdirSync, type ReadStream } from 'node:fs';
import { open, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { headBytes, tailBytes } from '@mfc-cabinet/core/file-signatures';

const uploadId = /^[0-9a-f]{32}$/;
const documentId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function checked(id: string, pattern: RegExp): string {
  if (!pattern.test(id)) throw new Error(`not an id of a stored file: ${JSON.stringify(id)}`);
  return id;
}

/** The first and last bytes of a file, for the check of its kind. */
export interface FileEnds {
  head: Uint8Array;
  tail: Uint8Array;
  size: number;
}

export class DocumentFiles {
  readonly uploadsDir: string;
  readonly vaultDir: string;

  constructor(root: string) {
    this.uploadsDir = join(root, 'uploads');
    this.vaultDir = join(root, 'vault');
    mkdirSync(this.uploadsDir, { recursive: true });
    mkdirSync(this.vaultDir, { recursive: true });
  }

  /** The bytes of the unfinished upload `id`. */
  uploadPath(id: string): string {
    return join(this.uploadsDir, checked(id, uploadId));
  }

  /** The file of the document `id`. */
  documentPath(id: string): string {
    return join(this.vaultDir, checked(id, documentId));
  }

  /** The first {@link headBytes} and last {@link tailBytes} of the file at `path`. */
  async ends(path: string): Promise<FileEnds> {
    const handle = await open(path, 'r');
    try {
      const { size } = await handle.stat();
      const read = async (length: number, position: number) => {
        const buffer = new Uint8Array(Math.max(0, Math.min(length, size - position)));
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
        return buffer.subarray(0, bytesRead);
      };
      return { head: await read(headBytes, 0), tail: await read(tailBytes, Math.max(0, size - tailBytes)), size };
    } finally {
      await handle.close();
    }
  }

  /** Moves a finished upload's bytes into the vault as the document `id`. */
  adopt(uploadPath: string, id: string): Promise<void> {
    return rename(uploadPath, this.documentPath(id));
  }

  /** Stores `bytes` as the document `id`. */
  write(id: string, bytes: Uint8Array): Promise<void> {
    return writeFile(this.documentPath(id), bytes, { flag: 'wx' });
  }

  read(id: string): ReadStream {
    return createReadStream(this.documentPath(id));
  }

  async remove(id: string): Promise<void> {
    await rm(this.documentPath(id), { force: true });
  }
}
