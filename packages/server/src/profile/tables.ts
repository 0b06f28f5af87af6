/** The tables of the profile feature: the codes for confirming the identity at an МФЦ, and the history of changes. */
import type { ProfileChangeKind } from '@mfc-cabinet/core/schemas';

/**
 * A code the cabinet shows for an operator to confirm the citizen's identity, one per
 * account. The code is derived from the secret of the session that asked for it and
 * `salt`; the table holds only its hash, so only that browser can show it again.
 */
export interface IdentityConfirmationsTable {
  accountId: string;
  salt: string;
  codeHash: string;
  createdAt: number;
  expiresAt: number;
}

/**
 * One change of a profile: personal data, a contact or the password. Only masked values
 * are kept (`+7 9** ***-**-01`, `45** ****78`), never the data themselves.
 */
export interface ProfileChangesTable {
  /** Sortable (a UUID version 7). */
  id: string;
  accountId: string;
  at: number;
  kind: ProfileChangeKind;
  /** The names of the fields changed, as a JSON array. */
  fields: string;
  /** The masked values, as a JSON array of `{ field, before, after }`. */
  changes: string;
  /** The session the change was made in, and its browser's `User-Agent` and address. */
  sessionId: string | null;
  userAgent: string | null;
  ip: string | null;
  /** When the citizen said «Это был не я» about it. */
  reportedAt: number | null;
}

export interface ProfileTables {
  identityConfirmations: IdentityConfirmationsTable;
  profileChanges: ProfileChangesTable;
}
