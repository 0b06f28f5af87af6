/**
 * Confirming a citizen's identity at an МФЦ. The cabinet of a «standard» account asks for a
 * code (IDENTITY_CODE_TTL_SECONDS, 10 minutes by default; a new one replaces the old) and
 * shows it with its QR code; an operator scans or types it, checks that the passport in
 * their hands is the one the account holds, and the account becomes «confirmed».
 *
 * Only the browser that asked can show the code again: it is derived from that session's
 * secret (see {@link identityCode}), and another browser of the account sees no code.
 */
import type { IdentityConfirmation, IdentityConfirmationRequest } from '@mfc-cabinet/core/schemas';
import { ApiError } from '../api-error.js';
import { secondsUntil, type Clock } from '../clock.js';
import type { Account, Accounts } from '../accounts/accounts.js';
import type { Database } from '../db/database.js';
import type { IdentityConfirmationsTable } from './tables.js';
import type { AuditLog } from '../security/audit.js';
import { hashToken, randomToken } from '../security/tokens.js';
import { identityCode, normalizeIdentityCode } from './identity-code.js';
import { normalizePassport } from './personal-data.js';

export interface IdentityConfirmationDeps {
  db: Database;
  clock: Clock;
  accounts: Accounts;
  audit: AuditLog;
  /** How long a code is valid. */
  ttlMs: number;
}

/** The citizen asking, and the secret of the session of the browser they ask from. */
export interface Asker {
  account: Account;
  token: string;
}

const notStandard = 'Сначала укажите паспорт и СНИЛС и дождитесь их проверки.';

const confirmed: IdentityConfirmation = { status: 'confirmed', code: null, expiresIn: null };
const none: IdentityConfirmation = { status: 'none', code: null, expiresIn: null };

/** The stored form of a code as the citizen reads it (`K7QF-2MZX`). */
const codeHashOf = (code: string): string => hashToken(code.replace('-', ''));

export class IdentityConfirmations {
  readonly #deps: IdentityConfirmationDeps;

  constructor(deps: IdentityConfirmationDeps) {
    this.#deps = deps;
  }

  /**
   * A new code for the citizen, replacing any other; an account confirmed already answers so.
   *
   * @throws {ApiError} `conflict` when the account is not «standard» yet
   */
  async start({ account, token }: Asker): Promise<IdentityConfirmation> {
    if (account.level === 'confirmed') return confirmed;
    if (account.level !== 'standard') throw new ApiError('conflict', { detail: notStandard });
    const { db, clock, ttlMs } = this.#deps;
    const now = clock.now();
    const salt = randomToken(16);
    const row: IdentityConfirmationsTable = {
      accountId: account.id,
      salt,
      codeHash: codeHashOf(identityCode(token, salt)),
      createdAt: now,
      expiresAt: now + ttlMs,
    };
    const { accountId: _, ...renewed } = row;
    await db
      .insertInto('identityConfirmations')
      .values(row)
      .onConflict((conflict) => conflict.column('accountId').doUpdateSet(renewed))
      .execute();
    return this.#view(row, token);
  }

  /** Where the confirmation of the citizen stands, as this browser may see it. */
  async current({ account, token }: Asker): Promise<IdentityConfirmation> {
    if (account.level === 'confirmed') return confirmed;
    const row = await this.#deps.db
      .selectFrom('identityConfirmations')
      .selectAll()
      .where('accountId', '=', account.id)
      .executeTakeFirst();
    return row ? this.#view(row, token) : none;
  }

  /**
   * Confirms the identity of the citizen whose live code this is, when `passport` is the
   * passport the account holds. Returns the account, now «confirmed».
   *
   * @throws {ApiError} `not_found` (no live code like this), `conflict` (another passport,
   *   or the account's documents are being checked again)
   */
  async confirm(operator: Account, { code, passport }: IdentityConfirmationRequest, ip: string): Promise<Account> {
    const { db, clock, accounts, audit } = this.#deps;
    const normalized = normalizeIdentityCode(code);
    const rows = normalized
      ? await db
          .selectFrom('identityConfirmations')
          .selectAll()
          .where('codeHash', '=', hashToken(normalized))
          .where('expiresAt', '>', clock.now())
          .execute()
      : [];
    if (rows.length === 0) {
      throw new ApiError('not_found', { detail: 'Код не найден или устарел. Попросите гражданина получить новый код в личном кабинете.' });
    }
    const shown = normalizePassport(passport);
    const candidates = await Promise.all(rows.map(({ accountId }) => accounts.get(accountId)));
    const citizen = candidates.find(
      (account) => account?.passportSeries === shown.series && account.passportNumber === shown.number,
    );
    if (!citizen) throw new ApiError('conflict', { detail: 'Паспорт не совпадает с данными учётной записи.' });
    if (citizen.level !== 'standard') {
      throw new ApiError('conflict', { detail: 'Данные гражданина ещё проверяются в государственных реестрах. Подтвердите личность после проверки.' });
    }

    const updated = await accounts.update(citizen.id, { level: 'confirmed' });
    if (!updated) throw new Error(`account ${citizen.id} vanished`);
    await db.deleteFrom('identityConfirmations').where('accountId', '=', citizen.id).execute();
    await audit.record('identity_confirmed', { accountId: citizen.id, actorId: operator.id, ip, details: { method: 'passport_at_mfc' } });
    return updated;
  }

  /** The code of `row` when this browser (its session secret) asked for it; `none` for another browser. */
  #view(row: IdentityConfirmationsTable, token: string): IdentityConfirmation {
    const code = identityCode(token, row.salt);
    if (codeHashOf(code) !== row.codeHash) return none;
    const now = this.#deps.clock.now();
    if (now >= row.expiresAt) return { status: 'expired', code: null, expiresIn: null };
    return { status: 'waiting', code, expiresIn: secondsUntil(row.expiresAt, now) };
  }
}
