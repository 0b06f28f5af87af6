/**
 * Registrations waiting for the phone's code: the phone, the e-mail, the password's hash
 * (never the password), the consent given and when. Each belongs to its challenge and
 * goes with it (used, exhausted or expired).
 */
import type { Database } from '../db/database.js';
import type { PendingRegistrationsTable } from './tables.js';
import { hashToken } from '../security/tokens.js';

export type PendingRegistration = Omit<PendingRegistrationsTable, 'challengeIdHash'>;

export class PendingRegistrations {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  /** Keeps `registration` for the challenge `challengeId`, which must exist. */
  async add(challengeId: string, registration: PendingRegistration): Promise<void> {
    await this.#db
      .insertInto('pendingRegistrations')
      .values({ challengeIdHash: hashToken(challengeId), ...registration })
      .execute();
  }

  /** The registration waiting for the challenge `challengeId`, if any. */
  async get(challengeId: string): Promise<PendingRegistration | undefined> {
    const row = await this.#db
      .selectFrom('pendingRegistrations')
      .selectAll()
      .where('challengeIdHash', '=', hashToken(challengeId))
      .executeTakeFirst();
    if (!row) return undefined;
    const { challengeIdHash: _, ...registration } = row;
    return registration;
  }
}
