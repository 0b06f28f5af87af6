/**
 * The audit log of security events: what happened, when, to which account, who acted on
 * it (an operator, when not the citizen), from where, and the details worth keeping.
 */
import type * as z from 'zod/mini';
import type { AuditEntry } from '@mfc-cabinet/core/schemas';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import type { AuditEventName } from './tables.js';
import { orderedId } from './tokens.js';

export interface AuditContext {
  /** The account concerned, when one is known. */
  accountId?: string | null;
  /** The operator who acted on the account; absent when the citizen (or nobody) did. */
  actorId?: string | null;
  ip?: string | null;
  /** What else is worth knowing; never a secret (no password, code or token). */
  details?: Record<string, unknown> | null;
}

export class AuditLog {
  readonly #db: Database;
  readonly #clock: Clock;

  constructor(db: Database, clock: Clock) {
    this.#db = db;
    this.#clock = clock;
  }

  async record(event: AuditEventName, { accountId = null, actorId = null, ip = null, details = null }: AuditContext): Promise<void> {
    await this.#db
      .insertInto('auditEvents')
      .values({ id: orderedId(), at: this.#clock.now(), event, accountId, actorId, ip, details: details && JSON.stringify(details) })
      .execute();
  }

  /** The newest `limit` events, of one account when `accountId` is given; newest first. */
  async list({ accountId, limit }: { accountId?: string | undefined; limit: number }): Promise<Array<z.infer<typeof AuditEntry>>> {
    let query = this.#db.selectFrom('auditEvents').selectAll();
    if (accountId !== undefined) query = query.where('accountId', '=', accountId);
    const rows = await query.orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
    return rows.map((row) => ({
      id: row.id,
      at: new Date(row.at).toISOString(),
      event: row.event,
      accountId: row.accountId,
      actorId: row.actorId,
      ip: row.ip,
      details: row.details === null ? null : (JSON.parse(row.details) as Record<string, unknown>),
    }));
  }
}
