import type { CabinetError, Session, SignedOutReason } from '@mfc-cabinet/core';

/** `mfc-login`: the citizen signed in. */
export interface MfcLoginDetail {
  session: Session;
}

/** `mfc-logout`: the citizen is signed out, by the button, in another tab, by timeout, by «Это был не я», or by closing the account. */
export interface MfcLogoutDetail {
  reason: Exclude<SignedOutReason, 'initial'>;
}

/** `mfc-error`: something failed that the widget showed to the citizen. */
export interface MfcErrorDetail {
  error: CabinetError;
  /** What the widget was doing, e.g. `login`, `verify-code`, `resend-code`, `logout`, `session`. */
  action: string;
}

/**
 * `mfc-navigate`: a form asks to show another one — registration and recovery lead back to
 * sign-in (`login`), sign-in leads to them. `<mfc-login-form>` handles it for the forms it
 * shows; a site that places the forms on pages of its own listens for it.
 */
export interface MfcNavigateDetail {
  to: 'login' | 'register' | 'recover';
  /** The login typed so far, to fill in on the next form. */
  identifier?: string;
  /** Why: after recovery the sign-in form says the password was changed. */
  reason?: 'password-changed' | 'registered';
}

/** Every event the widgets fire, by name. All bubble and are composed. */
export interface MfcEventMap {
  'mfc-login': CustomEvent<MfcLoginDetail>;
  'mfc-navigate': CustomEvent<MfcNavigateDetail>;
  'mfc-logout': CustomEvent<MfcLogoutDetail>;
  'mfc-error': CustomEvent<MfcErrorDetail>;
}

/** Dispatches a bubbling, composed `mfc-` event; false when a listener called `preventDefault()`. */
export function dispatchMfcEvent<K extends keyof MfcEventMap>(
  target: EventTarget,
  name: K,
  detail: MfcEventMap[K] extends CustomEvent<infer D> ? D : never,
  cancelable = false,
): boolean {
  return target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable }));
}

declare global {
  interface HTMLElementEventMap extends MfcEventMap {}
}
