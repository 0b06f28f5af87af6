import type { CabinetError } from '@mfc-cabinet/core';
import type { ReactiveControllerHost } from 'lit';
import { html, type nothing, type TemplateResult } from 'lit';
import type { Translation } from '../i18n/translation.js';
import { formatCountdown } from '../i18n/translation.js';
import { Countdown } from './countdown.js';
import { linkButton, submitButton, textField } from './fields.js';

/** What a one-time code step needs to know of its challenge. */
export interface CodeChallenge {
  id: string;
  codeLength: number;
  resendAfter: number;
}

/**
 * The one-time code step shared by sign-in, registration, e-mail confirmation and
 * recovery: the code typed so far, the challenge, and the countdown to «new code».
 */
export class CodeEntry<C extends CodeChallenge = CodeChallenge> {
  code = '';
  challenge: C | undefined;
  /** The attempt can take no more codes: the tries ran out, or it expired. */
  dead = false;
  readonly resend: Countdown;
  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    this.resend = new Countdown(host);
  }

  /** A new challenge (or a re-sent code): empty input, countdown from `resendAfter`. */
  start(challenge: C): void {
    this.challenge = challenge;
    this.dead = false;
    this.code = '';
    this.resend.start(challenge.resendAfter);
    this.#host.requestUpdate();
  }

  clear(): void {
    this.challenge = undefined;
    this.dead = false;
    this.code = '';
    this.resend.stop();
  }

  /**
   * Takes in a failure of the code step: a wrong code becomes the field's error (returns
   * true: nothing else to show), a rate limit restarts the resend countdown, and an
   * attempt out of tries — or expired, as a resend finds out — is dead.
   */
  onFailure(failure: CabinetError, action: string, t: Translation, showCodeError: (message: string) => void): boolean {
    switch (failure.code) {
      case 'otp_invalid':
        showCodeError(t.codeInvalid(failure.attemptsLeft ?? 0));
        return true;
      case 'rate_limited':
        if (action === 'resend-code' && failure.retryAfter) this.resend.start(failure.retryAfter);
        return false;
      case 'otp_attempts_exceeded':
        this.dead = true;
        return false;
      case 'otp_expired':
        // A code that merely expired can be re-sent; an attempt that expired cannot.
        this.dead = action === 'resend-code';
        return false;
      default:
        return false;
    }
  }

  /** The typed code when it has the right length, else `undefined`. */
  get complete(): string | undefined {
    const length = this.challenge?.codeLength ?? 6;
    return new RegExp(`^\\d{${length}}$`).test(this.code) ? this.code : undefined;
  }

  /**
   * The code field, its submit button and the resend timer. `onSubmit` is the form's
   * submit handler; `onResend` asks for a new code.
   */
  render(options: {
    t: Translation;
    lead: string | TemplateResult;
    error: string | undefined;
    busy: string | undefined;
    formError: TemplateResult | typeof nothing;
    onSubmit: (event: SubmitEvent) => void;
    onResend: () => void;
    onInput: () => void;
  }): TemplateResult {
    const { t } = options;
    const remaining = this.resend.remaining;
    return html`
      <p class="lead">${options.lead}</p>
      <form part="form" novalidate @submit=${options.onSubmit} aria-busy=${options.busy === 'verify-code'}>
        ${options.formError}
        ${textField({
          id: 'code',
          label: t.codeLabel,
          hint: t.codeHint,
          error: options.error,
          autocomplete: 'one-time-code',
          inputmode: 'numeric',
          maxlength: this.challenge?.codeLength ?? 6,
          required: true,
          value: this.code,
          onInput: (value) => {
            this.code = value.replace(/\D/g, '');
            options.onInput();
            this.#host.requestUpdate();
          },
        })}
        <div class="actions">
          ${submitButton(options.busy === 'verify-code' ? t.confirming : t.confirm, options.busy !== undefined)}
        </div>
      </form>
      <div part="resend" class="resend">
        ${remaining > 0
          ? html`<p class="hint">${t.resendIn(formatCountdown(remaining))}</p>`
          : linkButton(options.busy === 'resend-code' ? t.resendingCode : t.resendCode, options.onResend, {
              disabled: options.busy !== undefined,
            })}
      </div>
    `;
  }
}
