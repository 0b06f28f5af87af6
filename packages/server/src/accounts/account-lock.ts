/** A lock on one account for the rest of a transaction, so that a count and the insert it allows are one step. */
import type { Database } from '../db/database.js';

/**
 * Locks the account's row until `trx` ends, by writing it unchanged: two transactions
 * that count what the account holds and then add to it run one after the other, so two
 * requests at once cannot both take the last place.
 *
 * - SQLite (better-sqlite3 through Kysely): one connection runs one transaction at a time
 *   in this process already; the write also takes the database's write lock first, so a
 *   second process on the same file waits too (or gets SQLITE_BUSY), never counts stale rows.
 * - PostgreSQL: `UPDATE` takes the row lock, held to the commit; a second transaction
 *   locking the same account waits, then counts under READ COMMITTED what the first one
 *   committed. (A conditional `INSERT … SELECT … WHERE count < max` alone would not hold
 *   there: both snapshots would see room.)
 *
 * Call it first in the transaction, before the count.
 */
export async function lockAccount(trx: Database, accountId: string): Promise<void> {
  await trx
    .updateTable('accounts')
    .set((eb) => ({ id: eb.ref('id') }))
    .where('id', '=', accountId)
    .execute();
}
