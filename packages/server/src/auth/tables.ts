/** The tables of the auth feature: registrations waiting for their code, the sign-in history. */
import type { SignInOutcome } from '@mfc-cabinet/core/schemas';

/** What a registration waiting for the phone's code will create; it lives as long as its challenge. */
export interface PendingRegistrationsTable {
  challengeIdHash: string;
  phone: string;
  email: string | null;
  passwordHash: string;
  consentVersion: string;
  /** When the citizen sent the form (and gave the consent), from where, with which browser. */
  createdAt: number;
  ip: string | null;
  userAgent: string | null;
}

/** One attempt to sign in to an account (see `sign-in-history.ts`). */
export interface SignInsTable {
  /** Sortable: among attempts of the same millisecond, a later one has a greater id. */
  id: string;
  accountId: string;
  at: number;
  outcome: SignInOutcome;
  /** The session a sign-in started; `null` for an attempt refused. */
  sessionId: string | null;
  ip: string;
  userAgent: string | null;
}

export interface AuthTables {
  pendingRegistrations: PendingRegistrationsTable;
  signIns: SignInsTable;
}
