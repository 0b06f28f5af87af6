/** The tables of the auth feature: registrations waiting for their code. */

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

export interface AuthTables {
  pendingRegistrations: PendingRegistrationsTable;
}
