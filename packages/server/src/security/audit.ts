/** The audit log of security events: what happened, when, to which account, from where. */
import type { Clock } from '../clock.js';
import type { AuditEventName, Database } from '../db/database.js';
import { newId } from './tokens.js';

export interface AuditContext {
  /** The account concerned, when one is known. */
  accountId?: string | null;
  ip?: string | null;
}

export class AuditLog {
  readonly #db: Database;
  readonly #clock: Clock;

  constructor(db: Database, clock: Clock) {
    this.#db = db;
    this.#clock = clock;
  }

  async record(event: AuditEventName, { accountId = null, ip = null }: AuditContext): Promise<void> {
    await this.#db.insertInto('auditEvents').values({ id: newId(), at: this.#clock.now(), event, accountId, ip }).execute();
  }
}
