/**
 * How messages leave the server: an SMS or e-mail gateway, or the dev outbox. A message is
 * a one-time code, or a notice that carries no code (someone used the citizen's contact,
 * the password was changed).
 */
import type { OtpChannel } from '@mfc-cabinet/core/schemas';

/** What a code is for; the message the citizen receives says so. */
export type CodePurpose = 'login' | 'registration' | 'email_confirmation' | 'recovery' | 'contact_change';

/** What a notice tells the citizen. */
export type NoticePurpose =
  | 'registration_notice'
  | 'email_in_use_notice'
  | 'contact_in_use_notice'
  | 'phone_changed'
  | 'email_changed'
  | 'password_changed'
  | 'password_changed_in_cabinet'
  | 'second_factor_on'
  | 'second_factor_off'
  | 'temporary_password_issued';

interface Addressed {
  channel: OtpChannel;
  /** `+7XXXXXXXXXX` for SMS, the e-mail address for e-mail. */
  to: string;
}

export interface CodeMessage extends Addressed {
  code: string;
  purpose: CodePurpose;
}

export interface NoticeMessage extends Addressed {
  /** A notice carries no code. */
  code: null;
  purpose: NoticePurpose;
}

export type OutgoingMessage = CodeMessage | NoticeMessage;

export interface CodeSender {
  /** Delivers the message; rejects when the gateway did not accept it. */
  send(message: OutgoingMessage): Promise<void>;
}

const codePurposes: Record<CodePurpose, { label: string; genitive: string }> = {
  login: { label: 'Вход в личный кабинет', genitive: 'входа в личный кабинет МФЦ' },
  registration: { label: 'Регистрация', genitive: 'регистрации в личном кабинете МФЦ' },
  email_confirmation: { label: 'Подтверждение почты', genitive: 'подтверждения электронной почты в личном кабинете МФЦ' },
  recovery: { label: 'Восстановление пароля', genitive: 'восстановления пароля от личного кабинета МФЦ' },
  contact_change: { label: 'Смена контакта', genitive: 'смены телефона или почты в личном кабинете МФЦ' },
};

const noticePurposes: Record<NoticePurpose, { label: string; text: string }> = {
  registration_notice: {
    label: 'Попытка регистрации',
    text: 'Кто-то пытается зарегистрироваться в личном кабинете МФЦ с вашим номером. Если это вы — войдите или восстановите пароль. Если нет — ничего не делайте.',
  },
  email_in_use_notice: {
    label: 'Попытка привязать почту',
    text: 'Кто-то указал ваш адрес при регистрации в личном кабинете МФЦ. Адрес остаётся за вашей учётной записью. Если это были вы — войдите в свой кабинет или восстановите пароль.',
  },
  contact_in_use_notice: {
    label: 'Попытка привязать контакт',
    text: 'Кто-то указал ваш номер или адрес как новый контакт другой учётной записи личного кабинета МФЦ. Он остаётся за вашей учётной записью, делать ничего не нужно.',
  },
  phone_changed: {
    label: 'Телефон изменён',
    text: 'Телефон личного кабинета МФЦ заменён на другой. Если это были не вы — откройте в кабинете историю изменений и нажмите «Это был не я» или обратитесь в МФЦ с паспортом.',
  },
  email_changed: {
    label: 'Почта изменена',
    text: 'Электронная почта личного кабинета МФЦ заменена на другую. Если это были не вы — откройте в кабинете историю изменений и нажмите «Это был не я» или обратитесь в МФЦ с паспортом.',
  },
  password_changed_in_cabinet: {
    label: 'Пароль изменён',
    text: 'Пароль от личного кабинета МФЦ изменён в кабинете. Если вы этого не делали, сразу восстановите пароль или нажмите «Это был не я» в истории изменений.',
  },
  second_factor_on: {
    label: 'Вход с кодом',
    text: 'В личном кабинете МФЦ включён вход с одноразовым кодом. Если вы этого не делали, сразу восстановите пароль или нажмите «Это был не я» в истории изменений.',
  },
  second_factor_off: {
    label: 'Вход без кода',
    text: 'В личном кабинете МФЦ выключен вход с одноразовым кодом: теперь достаточно пароля. Если вы этого не делали, сразу восстановите пароль или нажмите «Это был не я» в истории изменений.',
  },
  password_changed: {
    label: 'Пароль изменён',
    text: 'Пароль от личного кабинета МФЦ изменён, все сеансы завершены. Если вы этого не делали, сразу восстановите пароль и обратитесь в МФЦ.',
  },
  temporary_password_issued: {
    label: 'Временный пароль',
    text: 'Сотрудник МФЦ выдал временный пароль от вашего личного кабинета, все сеансы завершены. Войдите с ним и задайте свой пароль. Если вы не обращались в МФЦ, сразу восстановите пароль и сообщите в МФЦ.',
  },
};

/** The text the citizen receives. */
export function messageText(message: OutgoingMessage): string {
  if (message.code === null) return noticePurposes[message.purpose].text;
  return `Код для ${codePurposes[message.purpose].genitive}: ${message.code}. Никому не сообщайте его.`;
}

/** What the message is about, as a label («Вход в личный кабинет», «Пароль изменён»). */
export function purposeLabel(message: Pick<CodeMessage, 'code' | 'purpose'> | Pick<NoticeMessage, 'code' | 'purpose'>): string {
  return message.code === null ? noticePurposes[message.purpose].label : codePurposes[message.purpose].label;
}
