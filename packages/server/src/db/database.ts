/**
 * The embedded database: the table types, and opening `${DATA_DIR}/cabinet.sqlite`
 * through Kysely. Queries elsewhere use the query builder only, with timestamps as
 * integer milliseconds, so that PostgreSQL can replace SQLite without touching them.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import type { AccountLevel, OtpChannel } from '@mfc-cabinet/core/schemas';

/** A citizen's account. Contacts are stored normalised: `+7XXXXXXXXXX`, lower-case e-mail, `XXX-XXX-XXX YY`. */
export interface AccountsTable {
  id: string;
  phone: string | null;
  email: string | null;
  snils: string | null;
  passwordHash: string;
  level: AccountLevel;
  secondFactor: OtpChannel | null;
  lastName: string;
  firstName: string;
  middleName: string | null;
  birthDate: string | null;
  inn: string | null;
  passportSeries: string | null;
  passportNumber: string | null;
  passportIssuedAt: string | null;
  passportIssuedBy: string | null;
  createdAt: number;
}

/** A signed-in session; the browser holds the token, the table only its hash. */
export interface SessionsTable {
  id: string;
  tokenHash: string;
  accountId: string;
  csrfToken: string;
  createdAt: number;
  idleExpiresAt: number;
  expiresAt: number;
  revokedAt: number | null;
}

/** A sign-in waiting for its one-time code; gone once used or dead. */
export interface LoginChallengesTable {
  idHash: string;
  accountId: string;
  channel: OtpChannel;
  recipient: string;
  codeHash: string;
  codeExpiresAt: number;
  attemptsLeft: number;
  resendAvailableAt: number;
  expiresAt: number;
}

/** One one-time code sent, for the hourly limit per account. */
export interface CodeSendsTable {
  id: string;
  accountId: string;
  sentAt: number;
}

/** Wrong passwords in a row for one throttle key (a hashed login or device), and its lockouts. */
export interface LoginThrottlesTable {
  key: string;
  failures: number;
  lockouts: number;
  lockedUntil: number | null;
}

/** A browser that signed in to an account (the hash of its device cookie). */
export interface TrustedDevicesTable {
  tokenHash: string;
  accountId: string;
  expiresAt: number;
}

export type AuditEventName =
  | 'login_succeeded'
  | 'login_failed'
  | 'login_locked'
  | 'code_sent'
  | 'code_send_failed'
  | 'code_rejected'
  | 'logout';

/** The security audit log. */
export interface AuditEventsTable {
  id: string;
  at: number;
  event: AuditEventName;
  accountId: string | null;
  ip: string | null;
}

export interface DatabaseSchema {
  accounts: AccountsTable;
  sessions: SessionsTable;
  loginChallenges: LoginChallengesTable;
  codeSends: CodeSendsTable;
  loginThrottles: LoginThrottlesTable;
  trustedDevices: TrustedDevicesTable;
  auditEvents: AuditEventsTable;
}

export type Database = Kysely<DatabaseSchema>;

/** Opens (creating when missing) `cabinet.sqlite` in `dataDir`. Columns are snake_case in SQL. */
export function openDatabase(dataDir: string): Database {
  mkdirSync(dataDir, { recursive: true });
  const sqlite = new SqliteDatabase(join(dataDir, 'cabinet.sqlite'));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  return new Kysely<DatabaseSchema>({
    dialect: new SqliteDialect({ database: sqlite }),
    plugins: [new CamelCasePlugin()],
  });
}
