/**
 * Steps for `play` functions of `<mfc-login-form>` stories. The general ones (fill a field,
 * press a button, wait for a part) are in `form-play.ts`, re-exported here.
 */
import type { MfcLoginForm } from '../../packages/widgets/src/mfc-login-form.js';
import { findForm, pressPrimary, typeInto } from './form-play.js';

export {
  enterCode,
  errorEventWithCode,
  expectShown,
  press,
  pressPrimary,
  typeInto,
  waitForPart,
} from './form-play.js';

/** The login form of the story, also when it sits in another element's shadow root. */
export function findLoginForm(canvasElement: HTMLElement): Promise<MfcLoginForm> {
  return findForm(canvasElement, 'mfc-login-form');
}

/** Fills the login and password and presses Sign in. */
export async function signIn(
  form: MfcLoginForm,
  identifier = '+7 900 123-45-67',
  password = 'Parol-2024!',
): Promise<void> {
  await typeInto(form, 'identifier', identifier);
  await typeInto(form, 'password', password);
  await pressPrimary(form);
}
