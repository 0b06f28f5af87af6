/**
 * The rules a new password must meet: those the SDK checks too
 * (`@mfc-cabinet/core/passwords`), and the two only the server can check — not a common
 * password, not one of the account's recent passwords. Each broken rule is one field error
 * with the rule's code and a Russian message.
 */
import type { FieldError } from '@mfc-cabinet/core/errors';
import type { PasswordProblem } from '@mfc-cabinet/core/passwords';
import { isCommonPassword, passwordMessagesRu, passwordRuleProblems } from '@mfc-cabinet/core/schemas';
import type { Accounts } from '../accounts/accounts.js';
import type { PasswordHasher } from './passwords.js';

/** What each refused rule tells the citizen (core's, which the stories' fake API shows too). */
export const passwordMessages = passwordMessagesRu;

/** The rules `password` breaks, the history aside: core's check, the common list included. */
function ruleProblems(password: string, logins: ReadonlyArray<string | null>): PasswordProblem[] {
  return passwordRuleProblems(
    password,
    logins.filter((login): login is string => login !== null),
  );
}

export class PasswordPolicy {
  readonly #accounts: Accounts;
  readonly #hasher: PasswordHasher;
  readonly #historySize: number;

  /** @param historySize how many recent passwords of an account may not be chosen again */
  constructor(accounts: Accounts, hasher: PasswordHasher, historySize: number) {
    this.#accounts = accounts;
    this.#hasher = hasher;
    this.#historySize = historySize;
  }

  /**
   * Every rule `password` breaks, as field errors on `password`.
   *
   * @param logins the citizen's phone, e-mail and СНИЛС, which the password must not contain
   * @param accountId the account whose recent passwords may not come back, when it exists
   */
  async problems(password: string, logins: ReadonlyArray<string | null>, accountId?: string): Promise<FieldError[]> {
    const problems = ruleProblems(password, logins);
    if (accountId !== undefined && (await this.#wasUsed(accountId, password))) problems.push('password_reused');
    return problems.map((code) => ({ field: 'password', code, message: passwordMessages[code] }));
  }

  /** Whether `password` meets every rule but the history (which a fresh random password cannot break). */
  meetsRules(password: string, logins: ReadonlyArray<string | null>): boolean {
    return ruleProblems(password, logins).length === 0;
  }

  async #wasUsed(accountId: string, password: string): Promise<boolean> {
    for (const hash of await this.#accounts.recentPasswordHashes(accountId, this.#historySize)) {
      if (await this.#hasher.verify(password, hash)) return true;
    }
    return false;
  }
}

export { isCommonPassword };
