/**
 * Closing a citizen's account for good, as the features' retention says of each of their
 * tables (`../retention.ts`, `docs/personal-data.md`): after the current password, in one
 * transaction, the account's rows are deleted, except what the law keeps (submitted
 * applications with their documents, the consent record, the audit log, pseudonymised);
 * the account's row loses every personal field; then the files of the deleted documents and
 * uploads go. The account can never sign in again, and its phone, e-mail and СНИЛС may
 * register anew.
 */
import type { FormValues } from '@mfc-cabinet/core/forms';
import type { Account } from '../accounts/accounts.js';
import { personalAccountColumns } from '../accounts/tables.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import type { DocumentFiles } from '../documents/files.js';
import type { Uploads } from '../documents/uploads.js';
import type { CurrentPassword } from '../profile/current-password.js';
import type { AuditLog } from '../security/audit.js';
import { shortenAddress } from './addresses.js';

export interface AccountClosureDeps {
  db: Database;
  clock: Clock;
  files: DocumentFiles;
  uploads: Uploads;
  currentPassword: CurrentPassword;
  audit: AuditLog;
}

/** Tables whose rows of the account are deleted outright (by `accountId`). */
const deletedByAccount = [
  'passwordHistory',
  'sessions',
  'codeChallenges',
  'passwordResets',
  'trustedDevices',
  'identityConfirmations',
  'personalServiceLists',
  'filterPresets',
  'profileChanges',
  'signIns',
] as const;

/** Every document id named in `values` (documents fields hold lists of ids). */
const documentIdsIn = (values: FormValues): string[] => Object.values(values).flatMap((value) => (Array.isArray(value) ? value : []));

export class AccountClosure {
  readonly #deps: AccountClosureDeps;

  constructor(deps: AccountClosureDeps) {
    this.#deps = deps;
  }

  /**
   * Closes `account` once `password` is its current password.
   *
   * @throws {ApiError} `invalid_credentials` (with `attemptsLeft`), `account_locked`, `rate_limited`: as the current password is checked
   */
  async close(account: Account, password: string, ip: string): Promise<void> {
    const { db, clock, files, uploads, currentPassword, audit } = this.#deps;
    await currentPassword.check(account, password, ip);
    const now = clock.now();
    const removedDocuments = await db.transaction().execute(async (trx) => {
      const applications = await trx.selectFrom('applications').select(['id', 'status', 'values']).where('accountId', '=', account.id).execute();
      const drafts = applications.filter(({ status }) => status === 'draft').map(({ id }) => id);
      const submitted = applications.filter(({ status }) => status !== 'draft');
      // The documents of submitted applications (their answers name them) and the results issued for them stay with them.
      const kept = new Set(submitted.flatMap(({ values }) => documentIdsIn(JSON.parse(values) as FormValues)));
      const documents = await trx.selectFrom('documents').select(['id', 'applicationId']).where('accountId', '=', account.id).execute();
      const submittedIds = new Set(submitted.map(({ id }) => id));
      const removed = documents.filter(({ id, applicationId }) => !kept.has(id) && !(applicationId !== null && submittedIds.has(applicationId))).map(({ id }) => id);
      if (removed.length > 0) await trx.deleteFrom('documents').where('id', 'in', removed).execute();
      // Kept documents leave the vault: listed with their application only.
      await trx.updateTable('documents').set({ deletedAt: now }).where('accountId', '=', account.id).where('deletedAt', 'is', null).execute();
      if (drafts.length > 0) {
        await trx.deleteFrom('applicationTransitions').where('applicationId', 'in', drafts).execute();
        await trx.deleteFrom('applications').where('id', 'in', drafts).execute();
      }
      for (const table of deletedByAccount) await trx.deleteFrom(table).where('accountId', '=', account.id).execute();
      await trx
        .updateTable('accounts')
        // No password string ever matches `!closed`.
        .set({ ...(Object.fromEntries(personalAccountColumns.map((column) => [column, null])) as Record<(typeof personalAccountColumns)[number], null>), passwordHash: '!closed' })
        .where('id', '=', account.id)
        .execute();
      // The security log stays, no longer pointing at a person: no details, addresses shortened to their network.
      await trx.updateTable('auditEvents').set({ details: null }).where('accountId', '=', account.id).execute();
      const addresses = await trx.selectFrom('auditEvents').select('ip').distinct().where('accountId', '=', account.id).where('ip', 'is not', null).execute();
      for (const { ip } of addresses) {
        await trx.updateTable('auditEvents').set({ ip: shortenAddress(ip) }).where('accountId', '=', account.id).where('ip', '=', ip).execute();
      }
      await trx.insertInto('accountClosures').values({ accountId: account.id, closedAt: now }).execute();
      return removed;
    });
    // Bytes after the rows: a file left by a failure here is unreachable, never a row without its file.
    await uploads.forgetAll(account.id);
    for (const id of removedDocuments) await files.remove(id);
    await audit.record('account_closed', { accountId: account.id, ip: shortenAddress(ip) });
  }
}
