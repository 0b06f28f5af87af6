/** The tables of the security feature: sessions, one-time codes, password resets, the lockout, known devices and the audit log. */
import type { OtpChannel } from '@mfc-cabinet/core/schemas';
import type { CodePurpose } from '../senders/sender.js';

/**
 * A signed-in session; the browser holds the token, the table only its hash. The browser's
 * address and `User-Agent` are kept to list the session among the citizen's devices.
 */
export interface SessionsTable {
  id: string;
  tokenHash: string;
  accountId: string;
  csrfToken: string;
  createdAt: number;
  idleExpiresAt: number;
  expiresAt: number;
  /** Signed out, ended from another device, or ended by a new password. */
  revokedAt: number | null;
  /** The last request that used the session (sign-in at first). */
  lastSeenAt: number;
  /** The address of that request; `null` for sessions older than this column. */
  ip: string | null;
  userAgent: string | null;
}

/**
 * What a challenge delivers at each send: its code, a notice instead (the contact belongs
 * to somebody else, so the challenge can never be completed), or nothing at all (unknown
 * login; never completed either).
 */
export type ChallengeDelivery = 'code' | 'notice' | 'none';

/**
 * An attempt waiting for its one-time code (sign-in, registration, e-mail confirmation,
 * recovery); gone once used or dead.
 */
export interface CodeChallengesTable {
  idHash: string;
  purpose: CodePurpose;
  /** The account concerned; `null` while registering, and for unknown logins. */
  accountId: string | null;
  channel: OtpChannel;
  /** Where messages go; `null` when nothing is delivered. */
  recipient: string | null;
  delivery: ChallengeDelivery;
  /** The hash of the key of the hourly sending limit the sends count against. */
  limitKey: string;
  codeHash: string;
  codeExpiresAt: number;
  attemptsLeft: number;
  resendAvailableAt: number;
  expiresAt: number;
}

/** One message sent, for the hourly limit per key (an account, a phone, a login). */
export interface CodeSendsTable {
  id: string;
  limitKey: string;
  sentAt: number;
  /** The challenge the code was sent for (hashed id); `null` for sends older than this column. */
  challengeIdHash: string | null;
}

/**
 * Why a citizen may set a new password without the current one: a right recovery code, or
 * a sign-in with the temporary password an МФЦ operator issued.
 */
export type PasswordResetPurpose = 'recovery' | 'temporary_password';

/** A permission to set a new password, single-use; the browser holds the token. */
export interface PasswordResetsTable {
  tokenHash: string;
  accountId: string;
  purpose: PasswordResetPurpose;
  expiresAt: number;
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
  | 'notice_sent'
  | 'notice_send_failed'
  | 'logout'
  | 'registered'
  | 'email_confirmed'
  | 'recovery_code_accepted'
  | 'password_reset'
  | 'personal_data_submitted'
  | 'registry_verified'
  | 'registry_rejected'
  | 'registry_check_failed'
  | 'session_revoked'
  | 'citizen_lookup'
  | 'temporary_password_issued'
  | 'temporary_password_used'
  | 'temporary_password_replaced'
  | 'identity_confirmed'
  | 'application_submitted'
  | 'application_transition'
  | 'application_withdrawn'
  | 'application_answered'
  | 'document_read_by_operator'
  | 'document_result_issued'
  | 'contact_change_requested'
  | 'contact_changed'
  | 'password_changed'
  | 'second_factor_changed'
  | 'not_me_reported'
  | 'account_closed';

/** The security audit log. */
export interface AuditEventsTable {
  /** Sortable: among events of the same millisecond, a later one has a greater id. */
  id: string;
  at: number;
  event: AuditEventName;
  /** The account concerned. */
  accountId: string | null;
  /** The operator who acted on the account; `null` when the citizen (or nobody) did. */
  actorId: string | null;
  ip: string | null;
  /** What else is worth knowing, as a JSON object. */
  details: string | null;
}

export interface SecurityTables {
  sessions: SessionsTable;
  codeChallenges: CodeChallengesTable;
  codeSends: CodeSendsTable;
  passwordResets: PasswordResetsTable;
  loginThrottles: LoginThrottlesTable;
  trustedDevices: TrustedDevicesTable;
  auditEvents: AuditEventsTable;
}
