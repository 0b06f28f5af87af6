/**
 * Sends codes and notices through the {@link CodeSender} and audits each send. A message
 * goes either now (a gateway failure is the caller's `server_unavailable`) or after the
 * answer, when waiting for the gateway would show in the answer's timing what the answer
 * hides (whether an account exists).
 */
import { ApiError } from '../api-error.js';
import type { BackgroundTasks } from '../background.js';
import type { AuditContext, AuditLog } from '../security/audit.js';
import type { CodeSender, NoticePurpose, OutgoingMessage } from './sender.js';

/** Where the notices about an account go: each of its contacts. */
export interface AccountContacts {
  id: string;
  phone: string | null;
  email: string | null;
}

export class Messenger {
  readonly #sender: CodeSender;
  readonly #audit: AuditLog;
  readonly #tasks: BackgroundTasks;

  constructor(sender: CodeSender, audit: AuditLog, tasks: BackgroundTasks) {
    this.#sender = sender;
    this.#audit = audit;
    this.#tasks = tasks;
  }

  /**
   * Sends `message` and waits for the gateway.
   *
   * @throws {ApiError} `server_unavailable` when the gateway did not take it
   */
  async send(message: OutgoingMessage, context: AuditContext): Promise<void> {
    const isNotice = message.code === null;
    try {
      await this.#sender.send(message);
    } catch (error) {
      await this.#audit.record(isNotice ? 'notice_send_failed' : 'code_send_failed', context);
      const what = isNotice ? 'сообщение' : 'код';
      throw new ApiError('server_unavailable', { detail: `Не удалось отправить ${what}. Попробуйте позже.` }, { cause: error });
    }
    await this.#audit.record(isNotice ? 'notice_sent' : 'code_sent', context);
  }

  /** Sends `message` after the answer; a failure is audited and logged. */
  sendLater(message: OutgoingMessage, context: AuditContext): void {
    this.#tasks.run(`send ${message.purpose}`, () => this.send(message, context));
  }

  /** Sends the notice `purpose` to every contact of the account, after the answer. */
  tellAccount(account: AccountContacts, purpose: NoticePurpose, ip: string): void {
    const contacts = [
      ['sms', account.phone],
      ['email', account.email],
    ] as const;
    for (const [channel, to] of contacts) {
      if (to !== null) this.sendLater({ channel, to, code: null, purpose }, { accountId: account.id, ip });
    }
  }
}
