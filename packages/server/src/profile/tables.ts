/** The tables of the profile feature: the codes for confirming the identity at an МФЦ. */

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

export interface ProfileTables {
  identityConfirmations: IdentityConfirmationsTable;
}
