/**
 * How much one citizen keeps in the vault: at most `MAX_VAULT_DOCUMENTS` documents and
 * `MAX_VAULT_BYTES` bytes. Documents deleted from the vault and results issued by
 * operators are not counted. Checked when an upload starts (its declared length, with the
 * other unfinished uploads as if they were documents already) and again, race-free, when
 * it finishes and becomes a document (see {@link VaultQuota.assertRoomToAdd}).
 */
import { formatSize } from '@mfc-cabinet/core/file-signatures';
import { lockAccount } from '../accounts/account-lock.js';
import { ApiError } from '../api-error.js';
import type { Clock } from '../clock.js';
import type { AccountLimits } from '../config.js';
import type { Database } from '../db/database.js';
import { countOf } from '../texts.js';

export interface VaultQuotaDeps {
  db: Database;
  clock: Clock;
  limits: Pick<AccountLimits, 'openUploads' | 'vaultDocuments' | 'vaultBytes'>;
}

export class VaultQuota {
  readonly #db: Database;
  readonly #clock: Clock;
  readonly #limits: VaultQuotaDeps['limits'];

  constructor({ db, clock, limits }: VaultQuotaDeps) {
    this.#db = db;
    this.#clock = clock;
    this.#limits = limits;
  }

  /**
   * Before an upload of `length` bytes starts (`undefined`: the length is deferred, checked
   * when it finishes): the open uploads, and the vault with every unfinished upload counted
   * as a document of its declared length, must leave room for it.
   *
   * @throws {ApiError} `limit_reached`
   */
  async assertRoomToStart(accountId: string, length: number | undefined): Promise<void> {
    const open = await this.#db
      .selectFrom('uploads')
      .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.sum<number | null>('length').as('bytes')])
      .where('accountId', '=', accountId)
      .where('documentId', 'is', null)
      .where('expiresAt', '>', this.#clock.now())
      .executeTakeFirstOrThrow();
    const { openUploads } = this.#limits;
    if (Number(open.count) + 1 > openUploads) {
      throw new ApiError('limit_reached', {
        detail: `Не больше ${countOf(openUploads, 'незаконченной загрузки', 'незаконченных загрузок')} сразу: завершите или отмените начатые`,
      });
    }
    const stored = await this.#stored(this.#db, accountId);
    this.#assertRoom(stored.count + Number(open.count), stored.bytes + Number(open.bytes ?? 0), length ?? 0);
  }

  /**
   * Before a finished upload of `size` bytes becomes a document, inside the transaction
   * `trx` that adds it: locks the account (see {@link lockAccount}) and counts the vault,
   * so that uploads finishing at once cannot together pass the limits.
   *
   * @throws {ApiError} `limit_reached`
   */
  async assertRoomToAdd(trx: Database, accountId: string, size: number): Promise<void> {
    await lockAccount(trx, accountId);
    const stored = await this.#stored(trx, accountId);
    this.#assertRoom(stored.count, stored.bytes, size);
  }

  /** The citizen's own documents in the vault: deleted ones and results issued by operators are not counted. */
  async #stored(db: Database, accountId: string): Promise<{ count: number; bytes: number }> {
    const row = await db
      .selectFrom('documents')
      .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.sum<number | null>('size').as('bytes')])
      .where('accountId', '=', accountId)
      .where('source', '=', 'citizen')
      .where('deletedAt', 'is', null)
      .executeTakeFirstOrThrow();
    return { count: Number(row.count), bytes: Number(row.bytes ?? 0) };
  }

  #assertRoom(count: number, bytes: number, size: number): void {
    const { vaultDocuments, vaultBytes } = this.#limits;
    if (count + 1 > vaultDocuments) {
      throw new ApiError('limit_reached', {
        detail: `Не больше ${countOf(vaultDocuments, 'документа', 'документов')} в ваших документах: удалите ненужные, чтобы загрузить новый`,
      });
    }
    if (bytes + size > vaultBytes) {
      const left = vaultBytes - bytes;
      throw new ApiError('limit_reached', {
        detail: `Документы занимают не больше ${formatSize(vaultBytes)}, ${left > 0 ? `свободно ${formatSize(left)}` : 'места не осталось'}: удалите ненужные, чтобы загрузить этот файл`,
      });
    }
  }
}
