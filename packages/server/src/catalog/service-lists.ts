/**
 * The citizen's lists of services — favourites and recently viewed — in one table, each
 * entry with a serial that orders the list, newest first.
 */
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import type { ServiceListName } from './tables.js';

export class ServiceLists {
  readonly #db: Database;
  readonly #clock: Clock;

  constructor(db: Database, clock: Clock) {
    this.#db = db;
    this.#clock = clock;
  }

  /** The services on the list, newest first. */
  async list(accountId: string, list: ServiceListName): Promise<string[]> {
    const rows = await this.#db
      .selectFrom('personalServiceLists')
      .select('serviceId')
      .where('accountId', '=', accountId)
      .where('list', '=', list)
      .orderBy('serial', 'desc')
      .execute();
    return rows.map(({ serviceId }) => serviceId);
  }

  /** Puts the service on the list unless it is there already (where it keeps its place). */
  async add(accountId: string, list: ServiceListName, serviceId: string): Promise<void> {
    await this.#db.transaction().execute(async (trx) => {
      const serial = await this.#nextSerial(trx, accountId, list);
      await trx
        .insertInto('personalServiceLists')
        .values({ accountId, list, serviceId, serial, addedAt: this.#clock.now() })
        .onConflict((conflict) => conflict.columns(['accountId', 'list', 'serviceId']).doNothing())
        .execute();
    });
  }

  /** Puts the service first on the list (moving it there when it is on it already) and keeps only the newest `keep`. */
  async putFirst(accountId: string, list: ServiceListName, serviceId: string, keep: number): Promise<void> {
    await this.#db.transaction().execute(async (trx) => {
      const entry = { serial: await this.#nextSerial(trx, accountId, list), addedAt: this.#clock.now() };
      await trx
        .insertInto('personalServiceLists')
        .values({ accountId, list, serviceId, ...entry })
        .onConflict((conflict) => conflict.columns(['accountId', 'list', 'serviceId']).doUpdateSet(entry))
        .execute();
      const oldestKept = await trx
        .selectFrom('personalServiceLists')
        .select('serial')
        .where('accountId', '=', accountId)
        .where('list', '=', list)
        .orderBy('serial', 'desc')
        .offset(keep - 1)
        .limit(1)
        .executeTakeFirst();
      if (!oldestKept) return;
      await trx
        .deleteFrom('personalServiceLists')
        .where('accountId', '=', accountId)
        .where('list', '=', list)
        .where('serial', '<', oldestKept.serial)
        .execute();
    });
  }

  async remove(accountId: string, list: ServiceListName, serviceId: string): Promise<void> {
    await this.#db
      .deleteFrom('personalServiceLists')
      .where('accountId', '=', accountId)
      .where('list', '=', list)
      .where('serviceId', '=', serviceId)
      .execute();
  }

  async #nextSerial(db: Database, accountId: string, list: ServiceListName): Promise<number> {
    const { last } = await db
      .selectFrom('personalServiceLists')
      .select((eb) => eb.fn.max('serial').as('last'))
      .where('accountId', '=', accountId)
      .where('list', '=', list)
      .executeTakeFirstOrThrow();
    return Number(last ?? 0) + 1;
  }
}
