/** Accounts: finding one by its login, changing it, its password history, and what of it the API shows. */
import type { CitizenSummary, Profile, SessionUser } from '@mfc-cabinet/core/schemas';
import type { IdentifierKind } from '@mfc-cabinet/core/validators';
import type { Database } from '../db/database.js';
import type { AccountsTable } from './tables.js';
import { newId } from '../security/tokens.js';
import { maskEmail, maskPhone } from './contacts.js';

export type Account = AccountsTable;

/** What may change in an account other than its id, role and password. */
export type AccountChanges = Partial<Omit<Account, 'id' | 'role' | 'passwordHash' | 'temporaryPasswordExpiresAt' | 'createdAt'>>;

/** One reading of a login, as {@link classifyIdentifier} gives it (normalised). */
export interface LoginReading {
  kind: IdentifierKind;
  value: string;
}

/** What an operator may find a citizen by, normalised; a citizen must match every one given. */
export interface CitizenCriteria {
  passport?: { series: string; number: string };
  /** Confirmed by the registries or still waiting for them. */
  snils?: string;
  phone?: string;
}

export class Accounts {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  /** Accounts matching any reading of a login (eleven bare digits may be a phone or a СНИЛС); kinds are column names. */
  async findByLogin(readings: readonly LoginReading[]): Promise<Account[]> {
    if (readings.length === 0) return [];
    return this.#db
      .selectFrom('accounts')
      .selectAll()
      .where((eb) => eb.or(readings.map(({ kind, value }) => eb(kind, '=', value))))
      .execute();
  }

  /** Whether an account other than `exceptId` has this login. */
  async isTaken(reading: LoginReading, exceptId?: string): Promise<boolean> {
    const found = await this.findByLogin([reading]);
    return found.some(({ id }) => id !== exceptId);
  }

  /** Citizens (not operators) matching every criterion, by name; at most `limit`. */
  async findCitizens({ passport, snils, phone }: CitizenCriteria, limit: number): Promise<Account[]> {
    let query = this.#db.selectFrom('accounts').selectAll().where('role', '=', 'citizen');
    if (passport) query = query.where('passportSeries', '=', passport.series).where('passportNumber', '=', passport.number);
    if (snils) query = query.where((eb) => eb.or([eb('snils', '=', snils), eb('pendingSnils', '=', snils)]));
    if (phone) query = query.where('phone', '=', phone);
    // Accounts without a name first, in both databases (PostgreSQL puts NULLs last by default).
    return query
      .orderBy('lastName', (order) => order.asc().nullsFirst())
      .orderBy('firstName', (order) => order.asc().nullsFirst())
      .orderBy('id')
      .limit(limit)
      .execute();
  }

  get(id: string): Promise<Account | undefined> {
    return this.#db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /**
   * Creates the account; its password starts its password history. `alsoRecord` writes
   * what must exist with the account or not at all (the consent record) in the same
   * transaction.
   */
  async create(account: Account, alsoRecord?: (trx: Database) => Promise<void>): Promise<Account> {
    await this.#db.transaction().execute(async (trx) => {
      await trx.insertInto('accounts').values(account).execute();
      await trx
        .insertInto('passwordHistory')
        .values({ id: newId(), accountId: account.id, passwordHash: account.passwordHash, serial: 1, createdAt: account.createdAt })
        .execute();
      await alsoRecord?.(trx);
    });
    return account;
  }

  /**
   * Changes the account; returns it as it is now, or `undefined` when it is gone.
   * `alsoRecord` writes what must be done with the change or not at all (a job queued) in
   * the same transaction.
   */
  async update(id: string, changes: AccountChanges, alsoRecord?: (trx: Database) => Promise<void>): Promise<Account | undefined> {
    if (alsoRecord) {
      await this.#db.transaction().execute(async (trx) => {
        await trx.updateTable('accounts').set(changes).where('id', '=', id).execute();
        await alsoRecord(trx);
      });
    } else {
      await this.#db.updateTable('accounts').set(changes).where('id', '=', id).execute();
    }
    return this.get(id);
  }

  /**
   * Applies the result of a registry check and clears the check in progress, unless newer
   * data started another check meanwhile; false then.
   */
  async finishRegistryCheck(id: string, checkId: string, changes: AccountChanges): Promise<boolean> {
    const { numUpdatedRows } = await this.#db
      .updateTable('accounts')
      .set({ ...changes, registryCheckId: null })
      .where('id', '=', id)
      .where('registryCheckId', '=', checkId)
      .executeTakeFirst();
    return numUpdatedRows > 0n;
  }

  /**
   * Sets a new password, adds it to the history and forgets all but the newest `keep`
   * passwords. A password the citizen chose has no `temporaryUntil`; one an operator issued
   * is temporary: it works until then, once.
   */
  async setPassword(id: string, passwordHash: string, at: number, keep: number, temporaryUntil: number | null = null): Promise<void> {
    await this.#db.transaction().execute(async (trx) => {
      await trx
        .updateTable('accounts')
        .set({ passwordHash, temporaryPasswordExpiresAt: temporaryUntil })
        .where('id', '=', id)
        .execute();
      const last = await trx
        .selectFrom('passwordHistory')
        .select((eb) => eb.fn.max('serial').as('serial'))
        .where('accountId', '=', id)
        .executeTakeFirst();
      const serial = Number(last?.serial ?? 0) + 1;
      await trx.insertInto('passwordHistory').values({ id: newId(), accountId: id, passwordHash, serial, createdAt: at }).execute();
      await trx.deleteFrom('passwordHistory').where('accountId', '=', id).where('serial', '<=', serial - keep).execute();
    });
  }

  /**
   * Ends the temporary password of the account at `now`: it was used. False when it was not
   * live any more (used by another request, or too old).
   */
  async useUpTemporaryPassword(id: string, now: number): Promise<boolean> {
    const { numUpdatedRows } = await this.#db
      .updateTable('accounts')
      .set({ temporaryPasswordExpiresAt: now })
      .where('id', '=', id)
      .where('temporaryPasswordExpiresAt', '>', now)
      .executeTakeFirst();
    return numUpdatedRows > 0n;
  }

  /** The hashes of the newest `count` passwords of the account, the current one included. */
  async recentPasswordHashes(id: string, count: number): Promise<string[]> {
    const rows = await this.#db
      .selectFrom('passwordHistory')
      .select('passwordHash')
      .where('accountId', '=', id)
      .orderBy('serial', 'desc')
      .limit(count)
      .execute();
    return rows.map(({ passwordHash }) => passwordHash);
  }
}

/**
 * The name shown in the page header: «Иван И.»; before the citizen entered a name, the
 * masked phone (or e-mail).
 */
export function displayName(account: Pick<Account, 'firstName' | 'lastName' | 'phone' | 'email'>): string {
  const { firstName, lastName, phone, email } = account;
  if (firstName && lastName) return `${firstName} ${lastName.slice(0, 1)}.`;
  if (phone) return maskPhone(phone);
  return email ? maskEmail(email) : 'Гражданин';
}

export function toSessionUser(account: Account): SessionUser {
  return { id: account.id, displayName: displayName(account), level: account.level, role: account.role };
}

/** `Иванов Иван Иванович`, or `null` before the citizen entered a name. */
export function fullName({ lastName, firstName, middleName }: Pick<Account, 'lastName' | 'firstName' | 'middleName'>): string | null {
  return [lastName, firstName, middleName].filter(Boolean).join(' ') || null;
}

/** The passport of the account, when it has one. */
export function passportOf({ passportSeries, passportNumber }: Account): { series: string; number: string } | null {
  return passportSeries && passportNumber ? { series: passportSeries, number: passportNumber } : null;
}

/** A citizen as an operator sees them at the counter. */
export function toCitizenSummary(account: Account): CitizenSummary {
  return { id: account.id, fullName: fullName(account), phone: account.phone, level: account.level, passport: passportOf(account) };
}

export function toProfile(account: Account): Profile {
  const passport = passportOf(account);
  return {
    id: account.id,
    level: account.level,
    lastName: account.lastName,
    firstName: account.firstName,
    middleName: account.middleName,
    birthDate: account.birthDate,
    phone: account.phone,
    email: account.email,
    // The СНИЛС the citizen entered, while the registries have not confirmed it yet.
    snils: account.pendingSnils ?? account.snils,
    inn: account.inn,
    passport: passport && {
      ...passport,
      ...(account.passportIssuedAt ? { issuedAt: account.passportIssuedAt } : {}),
      ...(account.passportIssuedBy ? { issuedBy: account.passportIssuedBy } : {}),
    },
    registrationAddress: account.registrationAddress,
    secondFactor: account.secondFactor,
    registryCheck: { status: account.registryStatus, reason: account.registryReason },
    createdAt: new Date(account.createdAt).toISOString(),
  };
}
