import type { CabinetClient, Locale } from '@mfc-cabinet/core';
import { html, type TemplateResult } from 'lit';
import type { TranslationOverrides } from '../i18n/translation.js';

/** The views the sign-in form leads to; each is its own element, loaded when first opened. */
export type LoginView = 'register' | 'recover' | 'security';

/** The parts of the views the form opens, forwarded so that `mfc-login-form::part(…)` styles them too. */
const forwardedParts = [
  'base', 'heading', 'form', 'field', 'label', 'hint', 'input', 'field-error', 'alert', 'button',
  'primary-button', 'link-button', 'password-toggle', 'password-rules', 'resend',
].join(', ');

/** Loads the element of a view. */
export const loadView: Record<LoginView, () => Promise<unknown>> = {
  register: () => import('../mfc-registration-form.js'),
  recover: () => import('../mfc-password-recovery.js'),
  security: () => import('../mfc-security.js'),
};

/** What the sign-in form hands down to the view it opens. */
export interface ViewContext {
  client: CabinetClient;
  strings: TranslationOverrides | undefined;
  locale: Locale;
  level: string;
  identifier: string;
}

/** The element of `view`, with the form's client, language, heading level and parts. */
export function renderView(view: LoginView, { client, strings, locale, level, identifier }: ViewContext): TemplateResult {
  if (view === 'security') {
    return html`<mfc-security
      .client=${client}
      .strings=${strings}
      locale=${locale}
      heading-level=${level}
      exportparts=${forwardedParts}
    ></mfc-security>`;
  }
  return view === 'register'
    ? html`<mfc-registration-form
        exportparts=${forwardedParts}
        .client=${client}
        .strings=${strings}
        locale=${locale}
        heading-level=${level}
      ></mfc-registration-form>`
    : html`<mfc-password-recovery
        exportparts=${forwardedParts}
        .client=${client}
        .strings=${strings}
        .identifier=${identifier}
        locale=${locale}
        heading-level=${level}
      ></mfc-password-recovery>`;
}
