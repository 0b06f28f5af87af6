/**
 * Entering personal data and checking it against the registries. The data is stored at
 * once with the check `pending` (a «standard» account goes back to «simplified» until
 * then; «confirmed» stays), and the check runs after the answer: `verified` raises the
 * account to «standard» and makes the СНИЛС a login, `rejected` tells why.
 *
 * A СНИЛС another account has is refused like any other mismatch, after the same wait,
 * so the answer never tells that somebody has it.
 *
 * The check is a durable job (`profile:registry-check`, queued with the data in one
 * transaction): it survives a restart, and one instance runs it. Its payload names the
 * account and the check, never the data, which the job reads from the account.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Account, AccountChanges, Accounts } from '../accounts/accounts.js';
import type { JobDefinition, JobRunner } from '../jobs/runner.js';
import type { AuditLog } from '../security/audit.js';
import { newId } from '../security/tokens.js';
import { heldPersonalData } from './changes.js';
import type { PersonalData } from './personal-data.js';
import { registryRefusal, type RegistryAnswer, type RegistryChecker } from './registry.js';

export interface RegistryCheckDeps {
  accounts: Accounts;
  registry: RegistryChecker;
  jobs: JobRunner;
  audit: AuditLog;
  log: FastifyBaseLogger;
}

/** The job of one check. */
export const registryCheckJob = 'profile:registry-check';

interface CheckPayload {
  accountId: string;
  checkId: string;
  ip: string;
}

const unreachable = 'Не удалось проверить данные: государственные реестры не ответили. Отправьте данные ещё раз позже.';

export class RegistryChecks {
  readonly #deps: RegistryCheckDeps;

  constructor(deps: RegistryCheckDeps) {
    this.#deps = deps;
  }

  /**
   * The job's definition: a few runs, in case an instance dies during one; the registries'
   * failure is an answer («Не удалось проверить данные…»), not a retry.
   */
  get job(): JobDefinition<CheckPayload> {
    return { maxAttempts: 3, run: ({ accountId, checkId, ip }) => this.#check(accountId, checkId, ip) };
  }

  /** Stores `data` as the account's and queues its check; returns the account as it is now. */
  async submit(account: Account, data: PersonalData, ip: string): Promise<Account> {
    const { accounts, jobs, audit } = this.#deps;
    const { registrationAddress, ...identity } = data;
    // The registries check who the citizen is, not where they live: a new address alone is
    // saved without a check, and the level stays.
    if (account.registryStatus === 'verified' && isUnchanged(account, identity)) {
      if (registrationAddress === account.registrationAddress) return account;
      const updated = await accounts.update(account.id, { registrationAddress });
      if (!updated) throw new Error(`account ${account.id} vanished`);
      await audit.record('personal_data_submitted', { accountId: account.id, ip });
      return updated;
    }
    const checkId = newId();
    const { snils, ...rest } = data;
    const changes: AccountChanges = {
      ...rest,
      pendingSnils: snils,
      registryStatus: 'pending',
      registryReason: null,
      registryCheckId: checkId,
      level: account.level === 'standard' ? 'simplified' : account.level,
    };
    const payload: CheckPayload = { accountId: account.id, checkId, ip };
    const updated = await accounts.update(account.id, changes, async (trx) => void (await jobs.enqueue(registryCheckJob, payload, { db: trx })));
    if (!updated) throw new Error(`account ${account.id} vanished`);
    await audit.record('personal_data_submitted', { accountId: account.id, ip });
    jobs.nudge();
    return updated;
  }

  async #check(accountId: string, checkId: string, ip: string): Promise<void> {
    const { accounts, audit, log } = this.#deps;
    const account = await accounts.get(accountId);
    // Newer data started another check meanwhile, or this one was applied already.
    if (!account || account.registryCheckId !== checkId) return;
    const data = heldPersonalData(account);
    let answer: RegistryAnswer;
    try {
      answer = await this.#ask(accountId, data);
    } catch (error) {
      log.error({ err: error, accountId }, 'registry check failed');
      await audit.record('registry_check_failed', { accountId, ip });
      answer = { ok: false, reason: unreachable };
    }
    await this.#finish(accountId, checkId, answer, ip);
  }

  /** The registries' answer; a СНИЛС of another account is refused, after asking all the same. */
  async #ask(accountId: string, data: PersonalData): Promise<RegistryAnswer> {
    const answer = await this.#deps.registry.check(data);
    const taken = await this.#deps.accounts.isTaken({ kind: 'snils', value: data.snils }, accountId);
    return taken ? { ok: false, reason: registryRefusal } : answer;
  }

  /** Applies the answer, unless newer data started another check meanwhile. */
  async #finish(accountId: string, checkId: string, answer: RegistryAnswer, ip: string): Promise<void> {
    const { accounts, audit } = this.#deps;
    const account = await accounts.get(accountId);
    if (!account || account.registryCheckId !== checkId) return;
    let applied: RegistryAnswer = answer;
    let done: boolean;
    try {
      done = await accounts.finishRegistryCheck(accountId, checkId, changesFor(account, answer));
    } catch (error) {
      // The СНИЛС became another account's login meanwhile (it is unique).
      if (!answer.ok) throw error;
      applied = { ok: false, reason: registryRefusal };
      done = await accounts.finishRegistryCheck(accountId, checkId, changesFor(account, applied));
    }
    if (done) await audit.record(applied.ok ? 'registry_verified' : 'registry_rejected', { accountId, ip });
  }
}

/** What the answer changes: a confirmed СНИЛС becomes a login and «simplified» becomes «standard». */
function changesFor(account: Account, answer: RegistryAnswer): AccountChanges {
  if (!answer.ok) return { registryStatus: 'rejected', registryReason: answer.reason };
  return {
    snils: account.pendingSnils,
    pendingSnils: null,
    registryStatus: 'verified',
    registryReason: null,
    level: account.level === 'simplified' ? 'standard' : account.level,
  };
}

/** Whether `data` is what the account holds already. */
function isUnchanged(account: Account, data: Omit<PersonalData, 'registrationAddress'>): boolean {
  const current = heldPersonalData(account);
  return (Object.keys(data) as Array<keyof typeof data>).every((key) => data[key] === current[key]);
}
