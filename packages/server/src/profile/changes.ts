/**
 * The history of changes of a profile: personal data, contacts, the password. Each change
 * names its fields and keeps their values masked (see `masking.ts`), with the session,
 * browser and address it came from; the citizen reads the history newest first and may
 * say «Это был не я» about a change.
 */
import type { ProfileChange, ProfileChangeKind, ProfileChangePage, ProfileFieldChange } from '@mfc-cabinet/core/schemas';
import type { Account } from '../accounts/accounts.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import { maskIp } from '../http/ip-address.js';
import { decodeTimeCursor, encodeTimeCursor } from '../http/time-cursor.js';
import type { Locale } from '../http/locale.js';
import { describeDevice } from '../http/user-agent.js';
import { orderedId } from '../security/tokens.js';
import { maskField } from './masking.js';
import type { PersonalData } from './personal-data.js';
import type { ProfileChangesTable } from './tables.js';

/** Where a change came from: the session, its browser and address. */
export interface ChangeOrigin {
  sessionId: string;
  userAgent: string | undefined;
  ip: string;
}

/** A field's value before and after, unmasked (masked when stored). */
export interface FieldValues {
  field: string;
  before: string | null;
  after: string | null;
}

/** The personal data as the history names their fields. */
function personalFields(data: PersonalData): Record<string, string | null> {
  return {
    lastName: data.lastName,
    firstName: data.firstName,
    middleName: data.middleName,
    birthDate: data.birthDate,
    'passport.series': data.passportSeries,
    'passport.number': data.passportNumber,
    'passport.issuedAt': data.passportIssuedAt,
    'passport.issuedBy': data.passportIssuedBy,
    snils: data.snils,
    inn: data.inn,
    registrationAddress: data.registrationAddress,
  };
}

/** The personal data the account holds (the СНИЛС waiting for its check, if any), as the forms give it. */
export function heldPersonalData(account: Account): PersonalData {
  return {
    lastName: account.lastName ?? '',
    firstName: account.firstName ?? '',
    middleName: account.middleName,
    birthDate: account.birthDate ?? '',
    passportSeries: account.passportSeries ?? '',
    passportNumber: account.passportNumber ?? '',
    passportIssuedAt: account.passportIssuedAt ?? '',
    passportIssuedBy: account.passportIssuedBy,
    snils: account.pendingSnils ?? account.snils ?? '',
    inn: account.inn,
    registrationAddress: account.registrationAddress,
  };
}

/** The fields of `after` that differ from what the account holds. */
export function personalDataChanges(account: Account, after: PersonalData): FieldValues[] {
  const before = personalFields(heldPersonalData(account));
  const next = personalFields(after);
  return Object.keys(next)
    .filter((field) => (before[field] || null) !== (next[field] || null))
    .map((field) => ({ field, before: before[field] || null, after: next[field] || null }));
}

const maxPage = 50;
const defaultPage = 20;

const staleCursor = 'Ссылка на страницу истории устарела: откройте историю изменений заново';

export class ProfileChanges {
  readonly #db: Database;
  readonly #clock: Clock;

  constructor(db: Database, clock: Clock) {
    this.#db = db;
    this.#clock = clock;
  }

  /** Records a change of the account; nothing when `values` is empty (the data were the same). */
  async record(accountId: string, kind: ProfileChangeKind, values: readonly FieldValues[], origin: ChangeOrigin): Promise<void> {
    if (values.length === 0) return;
    const masked: ProfileFieldChange[] = values.map(({ field, before, after }) =>
      kind === 'password' ? { field, before: null, after: null } : { field, before: maskField(field, before), after: maskField(field, after) },
    );
    await this.#db
      .insertInto('profileChanges')
      .values({
        id: orderedId(),
        accountId,
        at: this.#clock.now(),
        kind,
        fields: JSON.stringify(values.map(({ field }) => field)),
        changes: JSON.stringify(masked),
        sessionId: origin.sessionId,
        userAgent: origin.userAgent ?? null,
        ip: origin.ip,
        reportedAt: null,
      })
      .execute();
  }

  /** A page of the account's history, newest first, from `cursor` (the previous page's `nextCursor`). */
  async page(
    accountId: string,
    { cursor, limit = defaultPage }: { cursor?: string | undefined; limit?: number | undefined },
    view: { sessionId: string; locale: Locale },
  ): Promise<ProfileChangePage> {
    const size = Math.min(Math.max(1, limit), maxPage);
    let query = this.#db.selectFrom('profileChanges').selectAll().where('accountId', '=', accountId);
    if (cursor !== undefined) {
      const { at, id } = decodeTimeCursor(cursor, staleCursor);
      query = query.where((eb) => eb.or([eb('at', '<', at), eb.and([eb('at', '=', at), eb('id', '<', id)])]));
    }
    const rows = await query.orderBy('at', 'desc').orderBy('id', 'desc').limit(size + 1).execute();
    const shown = rows.slice(0, size);
    const last = shown.at(-1);
    return {
      changes: shown.map((row) => toChange(row, view)),
      nextCursor: rows.length > size && last ? encodeTimeCursor(last) : null,
    };
  }

  /** The change `id` of the account, or `undefined` (also when it is another account's). */
  find(accountId: string, id: string): Promise<ProfileChangesTable | undefined> {
    return this.#db.selectFrom('profileChanges').selectAll().where('id', '=', id).where('accountId', '=', accountId).executeTakeFirst();
  }

  /** Marks the change as reported «Это был не я» (the first report's time stays). */
  async markReported(id: string): Promise<void> {
    await this.#db.updateTable('profileChanges').set({ reportedAt: this.#clock.now() }).where('id', '=', id).where('reportedAt', 'is', null).execute();
  }
}

function toChange(row: ProfileChangesTable, { sessionId, locale }: { sessionId: string; locale: Locale }): ProfileChange {
  return {
    id: row.id,
    at: new Date(row.at).toISOString(),
    kind: row.kind,
    fields: JSON.parse(row.fields) as string[],
    changes: JSON.parse(row.changes) as ProfileFieldChange[],
    device: describeDevice(row.userAgent, locale),
    ip: maskIp(row.ip),
    current: row.sessionId === sessionId,
    reportedAt: row.reportedAt === null ? null : new Date(row.reportedAt).toISOString(),
  };
}
