/** The tables of the accounts feature: the accounts of citizens and operators, and their recent passwords. */
import type { AccountLevel, OtpChannel, RegistryCheck, Role } from '@mfc-cabinet/core/schemas';

/** Where a check of passport and СНИЛС against the state registries stands. */
export type RegistryStatus = RegistryCheck['status'];

/**
 * An account: a citizen's, or an МФЦ operator's (`role`). Contacts are stored normalised: `+7XXXXXXXXXX`, lower-case e-mail,
 * `XXX-XXX-XXX YY`. `snils` is a login, so it holds only a СНИЛС the registries confirmed;
 * one entered and not confirmed yet waits in `pendingSnils`.
 */
export interface AccountsTable {
  id: string;
  phone: string | null;
  email: string | null;
  snils: string | null;
  passwordHash: string;
  /** Until when the password an МФЦ operator issued is valid; `null` for a password the citizen chose. */
  temporaryPasswordExpiresAt: number | null;
  level: AccountLevel;
  /** `operator` may use the operator API; everybody else is a `citizen`. */
  role: Role;
  secondFactor: OtpChannel | null;
  /** `null` until the citizen enters personal data after registration. */
  lastName: string | null;
  firstName: string | null;
  middleName: string | null;
  birthDate: string | null;
  inn: string | null;
  passportSeries: string | null;
  passportNumber: string | null;
  passportIssuedAt: string | null;
  passportIssuedBy: string | null;
  /** The address of registration (прописка), as the citizen gave it. */
  registrationAddress: string | null;
  pendingSnils: string | null;
  registryStatus: RegistryStatus;
  /** Why the registries refused the data, in words for the citizen. */
  registryReason: string | null;
  /** The check in progress; a result for any other (older) check is dropped. */
  registryCheckId: string | null;
  createdAt: number;
}

/** The recent passwords of an account, the current one included. */
/** The columns of an account that say who the citizen is: the closure of the account erases them all. */
export const personalAccountColumns = [
  'phone',
  'email',
  'snils',
  'temporaryPasswordExpiresAt',
  'secondFactor',
  'lastName',
  'firstName',
  'middleName',
  'birthDate',
  'inn',
  'passportSeries',
  'passportNumber',
  'passportIssuedAt',
  'passportIssuedBy',
  'registrationAddress',
  'pendingSnils',
  'registryReason',
  'registryCheckId',
] as const satisfies readonly { [Column in keyof AccountsTable]: null extends AccountsTable[Column] ? Column : never }[keyof AccountsTable][];

export interface PasswordHistoryTable {
  id: string;
  accountId: string;
  passwordHash: string;
  /** 1 for the account's first password, then one more for each new one. */
  serial: number;
  createdAt: number;
}

export interface AccountTables {
  accounts: AccountsTable;
  passwordHistory: PasswordHistoryTable;
}
