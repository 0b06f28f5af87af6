/**
 * The sign-in history of an account, for the citizen: each sign-in, wrong password, wrong
 * code and refusal by the lockout, with the browser and address it came from, newest first.
 * Only attempts on a known account are kept (a login no account has names nobody); the
 * audit log keeps its own record of every attempt. A year of history is kept: older
 * entries go as the next one of the account is written.
 */
import type { SignIn, SignInOutcome, SignInPage } from '@mfc-cabinet/core/schemas';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import type { GeoIpLookup } from '../http/geoip.js';
import { maskIp, placeOf } from '../http/ip-address.js';
import type { Locale } from '../http/locale.js';
import { decodeTimeCursor, encodeTimeCursor } from '../http/time-cursor.js';
import { describeDevice } from '../http/user-agent.js';
import { orderedId } from '../security/tokens.js';
import type { SignInsTable } from './tables.js';

/** How long an entry of the history is kept. */
export const signInHistoryMs = 365 * 86_400_000;

const maxPage = 50;
const defaultPage = 20;
const staleCursor = 'Ссылка на страницу истории входов устарела: откройте историю входов заново';

/** Where an attempt came from. */
export interface AttemptOrigin {
  ip: string;
  userAgent: string | undefined;
}

export class SignInHistory {
  readonly #db: Database;
  readonly #clock: Clock;
  readonly #geo: GeoIpLookup | null;

  constructor(db: Database, clock: Clock, geo: GeoIpLookup | null) {
    this.#db = db;
    this.#clock = clock;
    this.#geo = geo;
  }

  /** Records an attempt on `accountId`; `sessionId` is the session a sign-in started. */
  async record(accountId: string, outcome: SignInOutcome, { ip, userAgent }: AttemptOrigin, sessionId: string | null = null): Promise<void> {
    const now = this.#clock.now();
    await this.#db.deleteFrom('signIns').where('accountId', '=', accountId).where('at', '<', now - signInHistoryMs).execute();
    await this.#db
      .insertInto('signIns')
      .values({ id: orderedId(), accountId, at: now, outcome, sessionId, ip, userAgent: userAgent ?? null })
      .execute();
  }

  /**
   * A page of the account's history, newest first, from `cursor` (the previous page's `nextCursor`).
   *
   * @throws {ApiError} `validation_failed` at `cursor` when the server did not make it
   */
  async page(
    accountId: string,
    { cursor, limit = defaultPage }: { cursor?: string | undefined; limit?: number | undefined },
    view: { sessionId: string; locale: Locale },
  ): Promise<SignInPage> {
    const size = Math.min(Math.max(1, limit), maxPage);
    let query = this.#db.selectFrom('signIns').selectAll().where('accountId', '=', accountId);
    if (cursor !== undefined) {
      const { at, id } = decodeTimeCursor(cursor, staleCursor);
      query = query.where((eb) => eb.or([eb('at', '<', at), eb.and([eb('at', '=', at), eb('id', '<', id)])]));
    }
    const rows = await query.orderBy('at', 'desc').orderBy('id', 'desc').limit(size + 1).execute();
    const shown = rows.slice(0, size);
    const last = shown.at(-1);
    return {
      signIns: shown.map((row) => this.#toSignIn(row, view)),
      nextCursor: rows.length > size && last ? encodeTimeCursor(last) : null,
    };
  }

  #toSignIn(row: SignInsTable, { sessionId, locale }: { sessionId: string; locale: Locale }): SignIn {
    return {
      id: row.id,
      at: new Date(row.at).toISOString(),
      outcome: row.outcome,
      device: describeDevice(row.userAgent, locale),
      ip: maskIp(row.ip),
      place: placeOf(row.ip, locale, this.#geo),
      current: row.sessionId !== null && row.sessionId === sessionId,
    };
  }
}
