/** Citizens' accounts: finding one by its login, and what of it the API shows. */
import type { Profile, SessionUser } from '@mfc-cabinet/core/schemas';
import type { IdentifierKind } from '@mfc-cabinet/core/validators';
import type { AccountsTable, Database } from '../db/database.js';

export type Account = AccountsTable;

/** One reading of a login, as {@link classifyIdentifier} gives it (normalised). */
export interface LoginReading {
  kind: IdentifierKind;
  value: string;
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

  get(id: string): Promise<Account | undefined> {
    return this.#db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async create(account: Account): Promise<Account> {
    await this.#db.insertInto('accounts').values(account).execute();
    return account;
  }

}

/** The name shown in the page header: «Иван И.». */
export function displayName(account: Pick<Account, 'firstName' | 'lastName'>): string {
  return `${account.firstName} ${account.lastName.slice(0, 1)}.`;
}

export function toSessionUser(account: Account): SessionUser {
  return { id: account.id, displayName: displayName(account), level: account.level };
}

export function toProfile(account: Account): Profile {
  const { passportSeries, passportNumber } = account;
  return {
    id: account.id,
    level: account.level,
    lastName: account.lastName,
    firstName: account.firstName,
    middleName: account.middleName,
    birthDate: account.birthDate,
    phone: account.phone,
    email: account.email,
    snils: account.snils,
    inn: account.inn,
    passport:
      passportSeries && passportNumber
        ? {
            series: passportSeries,
            number: passportNumber,
            ...(account.passportIssuedAt ? { issuedAt: account.passportIssuedAt } : {}),
            ...(account.passportIssuedBy ? { issuedBy: account.passportIssuedBy } : {}),
          }
        : null,
    secondFactor: account.secondFactor,
    createdAt: new Date(account.createdAt).toISOString(),
  };
}
