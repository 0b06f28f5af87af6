/**
 * The per-user cache: one IndexedDB database per citizen and Cabinet API for what only that
 * citizen may see — their applications and drafts, and the outbox of writes not yet sent.
 * Every record is encrypted with AES-GCM under a key made in this browser as
 * non-extractable (no script can read it out), kept in the same database; an explicit
 * logout deletes the database, key and all.
 *
 * Where there is no IndexedDB or no Web Crypto (Node, a page on plain http other than
 * localhost), the same interface keeps everything in memory only: nothing personal is ever
 * written to disk unencrypted.
 */
import { deleteDB, openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { CabinetErrorCode, FieldError } from '../errors.js';
import type { CacheKind } from './public-db.js';

/** What a queued write does. */
export type WriteKind = 'save-draft' | 'submit';

/** Why a queued write will not go through as it is: the server refused it. */
export interface WriteFailure {
  code: CabinetErrorCode;
  message: string;
  fieldErrors: FieldError[];
}

/** A write made while the server could not be reached, or not yet confirmed by it. */
export interface QueuedWrite {
  /** Order of the writes; they are sent in it. */
  seq: number;
  kind: WriteKind;
  applicationId: string;
  /** The `Idempotency-Key` of a submission: the same on every retry, so it happens once. */
  idempotencyKey: string | null;
  /** The request body (the draft's values). */
  body: unknown;
  /** `Date.now()` when queued (or last changed). */
  queuedAt: number;
  /** Set when the server refused it; such a write waits for the citizen (retry or discard). */
  failure: WriteFailure | null;
}

export type NewWrite = Omit<QueuedWrite, 'seq' | 'queuedAt' | 'failure'>;

/**
 * An upload not yet finished: what is needed to continue it after a reload (the tus URL
 * once the server made it, the offset last confirmed, the metadata). The file's bytes are
 * kept beside it, encrypted too, until it finishes or is cancelled.
 */
export interface StoredUpload {
  /** Made in this browser when the upload started. */
  id: string;
  /** The tus upload's URL, `null` until the server made it. */
  url: string | null;
  /** Bytes the server confirmed last time it was asked. */
  offset: number;
  name: string;
  size: number;
  /** The type the browser declared (the server ignores it; the bytes decide). */
  type: string;
  kind: string;
  applicationId: string | null;
  fieldId: string | null;
  /** `Date.now()` when started. */
  createdAt: number;
}

/** The per-user data of one citizen. */
export interface UserData {
  /** A record by key, or `undefined`. */
  read<T>(key: string): Promise<T | undefined>;
  write(key: string, value: unknown): Promise<void>;
  /** The queued writes, oldest first; only those of one application when `applicationId` is given. */
  writes(applicationId?: string): Promise<QueuedWrite[]>;
  /** One queued write, or `undefined` once it is gone (sent, discarded). */
  queued(seq: number): Promise<QueuedWrite | undefined>;
  /**
   * Queues a write. A draft save replaces the one of the same application still waiting
   * (only the latest values matter) and keeps its place in the order.
   */
  queue(write: NewWrite): Promise<QueuedWrite>;
  update(write: QueuedWrite): Promise<void>;
  remove(seq: number): Promise<void>;
  /** The uploads not yet finished, oldest first. */
  uploads(): Promise<StoredUpload[]>;
  /** One unfinished upload, or `undefined`. */
  upload(id: string): Promise<StoredUpload | undefined>;
  /** The bytes of an unfinished upload, or `undefined`. */
  uploadFile(id: string): Promise<Blob | undefined>;
  /** Keeps an upload's state, and its file when given (once, at the start). */
  putUpload(upload: StoredUpload, file?: Blob): Promise<void>;
  /** Forgets an upload and its file. */
  removeUpload(id: string): Promise<void>;
  close(): void;
}

/** The database of one citizen of one Cabinet API. */
export function userDbName(scope: string, accountId: string): string {
  return `mfc-cabinet-user ${accountId} ${scope}`;
}

/** Opens the citizen's data: encrypted IndexedDB where possible, else memory. */
export async function openUserData(kind: CacheKind | undefined, name: string): Promise<UserData> {
  if (kind !== 'memory' && typeof indexedDB === 'object' && globalThis.crypto?.subtle) {
    try {
      return await EncryptedUserData.open(name);
    } catch {
      // Private mode or storage refused: keep working in memory.
    }
  }
  return (memory[name] ??= new MemoryUserData());
}

/** Deletes the citizen's data (explicit logout). Waits for other tabs to let go of it. */
export async function wipeUserData(name: string): Promise<void> {
  delete memory[name];
  if (typeof indexedDB === 'object') await deleteDB(name).catch(() => undefined);
}

/** A draft save replaces the one of the same application still waiting (not refused). */
function replaces(write: NewWrite, queued: Pick<QueuedWrite, 'kind' | 'applicationId' | 'failure'>): boolean {
  return write.kind === 'save-draft' && queued.kind === 'save-draft' && queued.applicationId === write.applicationId && !queued.failure;
}

/** Memory-only data lives as long as the page, shared by the clients in it. */
const memory: Record<string, MemoryUserData> = {};

interface Sealed {
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

interface UserDbSchema extends DBSchema {
  /** The AES-GCM key, under the key `aes`. */
  keys: { key: string; value: CryptoKey };
  records: { key: string; value: { key: string; sealed: Sealed } };
  outbox: { key: number; value: Omit<QueuedWrite, 'body'> & { body: Sealed } };
  /** Unfinished uploads: the sealed {@link StoredUpload} (since version 2). */
  uploads: { key: string; value: { id: string; createdAt: number; sealed: Sealed } };
  /** Their files: the sealed bytes, with the type (since version 2). */
  uploadFiles: { key: string; value: { id: string; type: string; sealed: Sealed } };
}

/** Raise it with an `upgrade()` step whenever a store changes; the step must keep the outbox. */
const userDbVersion = 2;

class EncryptedUserData implements UserData {
  readonly #db: IDBPDatabase<UserDbSchema>;
  readonly #key: CryptoKey;

  private constructor(db: IDBPDatabase<UserDbSchema>, key: CryptoKey) {
    this.#db = db;
    this.#key = key;
  }

  static async open(name: string): Promise<EncryptedUserData> {
    const db = await openDB<UserDbSchema>(name, userDbVersion, {
      upgrade(database, oldVersion) {
        if (oldVersion < 1) {
          database.createObjectStore('keys');
          database.createObjectStore('records', { keyPath: 'key' });
          database.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
        }
        if (oldVersion < 2) {
          database.createObjectStore('uploads', { keyPath: 'id' });
          database.createObjectStore('uploadFiles', { keyPath: 'id' });
        }
      },
      // Logout in another tab deletes the database: let it.
      blocking(_version, _newVersion, event) {
        (event.target as IDBDatabase).close();
      },
    });
    return new EncryptedUserData(db, await EncryptedUserData.#keyOf(db));
  }

  /** The database's key, made on first use; two tabs making one at once agree on the first stored. */
  static async #keyOf(db: IDBPDatabase<UserDbSchema>): Promise<CryptoKey> {
    const stored = await db.get('keys', 'aes');
    if (stored) return stored;
    const made = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    try {
      await db.add('keys', made, 'aes');
      return made;
    } catch {
      return (await db.get('keys', 'aes'))!;
    }
  }

  // Cached records are a copy of the server's: a database closing under them (the citizen
  // signed out meanwhile, in this tab or another) is a miss, not a failure.

  async read<T>(key: string): Promise<T | undefined> {
    try {
      const record = await this.#db.get('records', key);
      return record ? ((await this.#open(record.sealed)) as T) : undefined;
    } catch (error) {
      if (closing(error)) return undefined;
      throw error;
    }
  }

  async write(key: string, value: unknown): Promise<void> {
    const sealed = await this.#seal(value);
    try {
      await this.#db.put('records', { key, sealed });
    } catch (error) {
      if (!closing(error)) throw error;
    }
  }

  async writes(applicationId?: string): Promise<QueuedWrite[]> {
    const stored = await this.#db.getAll('outbox');
    // Only the bodies asked for are decrypted: the rest of a write is not secret.
    const wanted = applicationId === undefined ? stored : stored.filter((write) => write.applicationId === applicationId);
    return Promise.all(wanted.map((write) => this.#openWrite(write)));
  }

  async queued(seq: number): Promise<QueuedWrite | undefined> {
    const stored = await this.#db.get('outbox', seq);
    return stored && this.#openWrite(stored);
  }

  async queue(write: NewWrite): Promise<QueuedWrite> {
    // Sealed before the transaction: it may not wait for anything but IndexedDB.
    const body = await this.#seal(write.body);
    const transaction = this.#db.transaction('outbox', 'readwrite');
    const waiting = write.kind === 'save-draft' ? (await transaction.store.getAll()).find((queued) => replaces(write, queued)) : undefined;
    const stored = { ...write, body, queuedAt: Date.now(), failure: null, ...(waiting ? { seq: waiting.seq } : {}) };
    const seq = await transaction.store.put(stored as UserDbSchema['outbox']['value']);
    await transaction.done;
    return { ...write, seq, queuedAt: stored.queuedAt, failure: null };
  }

  async update(write: QueuedWrite): Promise<void> {
    await this.#db.put('outbox', { ...write, body: await this.#seal(write.body) });
  }

  async remove(seq: number): Promise<void> {
    await this.#db.delete('outbox', seq);
  }

  async uploads(): Promise<StoredUpload[]> {
    const stored = await this.#db.getAll('uploads');
    const uploads = await Promise.all(stored.map(async (upload) => (await this.#open(upload.sealed)) as StoredUpload));
    return uploads.sort((a, b) => a.createdAt - b.createdAt);
  }

  async upload(id: string): Promise<StoredUpload | undefined> {
    const stored = await this.#db.get('uploads', id);
    return stored && ((await this.#open(stored.sealed)) as StoredUpload);
  }

  async uploadFile(id: string): Promise<Blob | undefined> {
    const stored = await this.#db.get('uploadFiles', id);
    return stored && new Blob([await this.#openBytes(stored.sealed)], { type: stored.type });
  }

  async putUpload(upload: StoredUpload, file?: Blob): Promise<void> {
    const sealed = await this.#seal(upload);
    const sealedFile = file && (await this.#sealBytes(await file.arrayBuffer()));
    const transaction = this.#db.transaction(['uploads', 'uploadFiles'], 'readwrite');
    // An upload cancelled or finished meanwhile stays forgotten.
    if (!file && !(await transaction.objectStore('uploads').getKey(upload.id))) return transaction.done;
    await transaction.objectStore('uploads').put({ id: upload.id, createdAt: upload.createdAt, sealed });
    if (sealedFile) await transaction.objectStore('uploadFiles').put({ id: upload.id, type: file.type, sealed: sealedFile });
    await transaction.done;
  }

  async removeUpload(id: string): Promise<void> {
    const transaction = this.#db.transaction(['uploads', 'uploadFiles'], 'readwrite');
    await Promise.all([transaction.objectStore('uploads').delete(id), transaction.objectStore('uploadFiles').delete(id), transaction.done]);
  }

  close(): void {
    this.#db.close();
  }

  #seal(value: unknown): Promise<Sealed> {
    return this.#sealBytes(new TextEncoder().encode(JSON.stringify(value)));
  }

  async #sealBytes(bytes: BufferSource): Promise<Sealed> {
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, this.#key, bytes);
    return { iv, data };
  }

  #openBytes(sealed: Sealed): Promise<ArrayBuffer> {
    return crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.iv }, this.#key, sealed.data);
  }

  async #open(sealed: Sealed): Promise<unknown> {
    return JSON.parse(new TextDecoder().decode(await this.#openBytes(sealed)));
  }

  async #openWrite(write: UserDbSchema['outbox']['value']): Promise<QueuedWrite> {
    return { ...write, body: await this.#open(write.body) };
  }
}

/** The database was closed or deleted under the request (sign-out, another tab's logout). */
function closing(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'InvalidStateError';
}

class MemoryUserData implements UserData {
  readonly #records = new Map<string, string>();
  readonly #outbox = new Map<number, QueuedWrite>();
  #seq = 0;

  async read<T>(key: string): Promise<T | undefined> {
    const json = this.#records.get(key);
    return json === undefined ? undefined : (JSON.parse(json) as T);
  }

  async write(key: string, value: unknown): Promise<void> {
    this.#records.set(key, JSON.stringify(value));
  }

  async writes(applicationId?: string): Promise<QueuedWrite[]> {
    const writes = [...this.#outbox.values()];
    return (applicationId === undefined ? writes : writes.filter((write) => write.applicationId === applicationId)).map((write) => structuredClone(write));
  }

  async queued(seq: number): Promise<QueuedWrite | undefined> {
    const write = this.#outbox.get(seq);
    return write && structuredClone(write);
  }

  async queue(write: NewWrite): Promise<QueuedWrite> {
    const waiting = [...this.#outbox.values()].find((queued) => replaces(write, queued));
    const queued: QueuedWrite = { ...structuredClone(write), seq: waiting?.seq ?? ++this.#seq, queuedAt: Date.now(), failure: null };
    this.#outbox.set(queued.seq, queued);
    return structuredClone(queued);
  }

  async update(write: QueuedWrite): Promise<void> {
    if (this.#outbox.has(write.seq)) this.#outbox.set(write.seq, structuredClone(write));
  }

  async remove(seq: number): Promise<void> {
    this.#outbox.delete(seq);
  }

  readonly #uploads = new Map<string, { upload: StoredUpload; file: Blob | undefined }>();

  async uploads(): Promise<StoredUpload[]> {
    return [...this.#uploads.values()].map(({ upload }) => ({ ...upload })).sort((a, b) => a.createdAt - b.createdAt);
  }

  async upload(id: string): Promise<StoredUpload | undefined> {
    const kept = this.#uploads.get(id);
    return kept && { ...kept.upload };
  }

  async uploadFile(id: string): Promise<Blob | undefined> {
    return this.#uploads.get(id)?.file;
  }

  async putUpload(upload: StoredUpload, file?: Blob): Promise<void> {
    const kept = this.#uploads.get(upload.id);
    if (kept || file) this.#uploads.set(upload.id, { upload: { ...upload }, file: file ?? kept?.file });
  }

  async removeUpload(id: string): Promise<void> {
    this.#uploads.delete(id);
  }

  close(): void {}
}
