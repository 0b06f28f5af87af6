/** How one-time codes leave the server: an SMS or e-mail gateway, or the dev outbox. */
import type { OtpChannel } from '@mfc-cabinet/core/schemas';

/** What a code is for; the message the citizen receives says so. */
export type CodePurpose = 'login';

export interface CodeMessage {
  channel: OtpChannel;
  /** `+7XXXXXXXXXX` for SMS, the e-mail address for e-mail. */
  to: string;
  code: string;
  purpose: CodePurpose;
}

export interface CodeSender {
  /** Delivers the code; rejects when the gateway did not accept it. */
  send(message: CodeMessage): Promise<void>;
}

const purposes: Record<CodePurpose, { label: string; genitive: string }> = {
  login: { label: 'Вход в личный кабинет', genitive: 'входа в личный кабинет МФЦ' },
};

/** The text the citizen receives. */
export function messageText({ code, purpose }: CodeMessage): string {
  return `Код для ${purposes[purpose].genitive}: ${code}. Никому не сообщайте его.`;
}

/** What the code is for, as a label («Вход в личный кабинет»). */
export function purposeLabel(purpose: CodePurpose): string {
  return purposes[purpose].label;
}
