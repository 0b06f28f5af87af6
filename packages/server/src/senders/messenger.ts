/**
 * Sends codes and notices through the {@link CodeSender} and audits each send. A message
 * goes either now (a gateway failure is the caller's `server_unavailable`) or after the
 * answer, when waiting for the gateway would show in the answer's timing what the answer
 * hides (whether an account exists).
 *
 * A notice sent after the answer is a durable job (`security:send-notice`): it survives a
 * restart and is retried when the gateway fails. A code sent after the answer is not: it
 * is never written to the database (it signs in or recovers an account), and it is worth
 * minutes only — a retry after a restart would bring a code the citizen asked again for
 * meanwhile; it goes from memory ({@link BackgroundTasks}), and a lost one is sent again
 * when asked.
 */
import { ApiError } from '../api-error.js';
import type { BackgroundTasks } from '../background.js';
import type { JobDefinition, JobRunner } from '../jobs/runner.js';
import type { AuditContext, AuditLog } from '../security/audit.js';
import type { CodeSender, NoticePurpose, OutgoingMessage } from './sender.js';

/** Where the notices about an account go: each of its contacts. */
export interface AccountContacts {
  id: string;
  phone: string | null;
  email: string | null;
}

/** The job of one notice. */
export const noticeJob = 'security:send-notice';

interface NoticePayload {
  message: OutgoingMessage;
  context: AuditContext;
}

export class Messenger {
  readonly #sender: CodeSender;
  readonly #audit: AuditLog;
  readonly #tasks: BackgroundTasks;
  readonly #jobs: JobRunner;

  constructor(sender: CodeSender, audit: AuditLog, tasks: BackgroundTasks, jobs: JobRunner) {
    this.#sender = sender;
    this.#audit = audit;
    this.#tasks = tasks;
    this.#jobs = jobs;
  }

  /** The notices' job: each failed send is audited, and retried (5 runs, 30 s doubled between them). */
  get noticeJob(): JobDefinition<NoticePayload> {
    return { run: ({ message, context }) => this.send(message, context) };
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

  /** Sends `message` after the answer (a notice as a job); a failure is audited and logged. */
  sendLater(message: OutgoingMessage, context: AuditContext): void {
    if (message.code === null) {
      const payload: NoticePayload = { message, context };
      // Queued from a task, so that `settled()` waits for the queueing too.
      this.#tasks.run(`queue ${message.purpose}`, async () => void (await this.#jobs.enqueue(noticeJob, payload)));
    } else {
      this.#tasks.run(`send ${message.purpose}`, () => this.send(message, context));
    }
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
