/**
 * Steps for `play` functions of `<mfc-login-form>` stories. The general ones (fill a field,
 * press a button, wait for a part) are in `form-play.ts`, re-exported here.
 */
import type { MfcLoginForm } from '../../packages/widgets/src/mfc-login-form.js';
import { demoCode } from './fake-api.js';
import { enterCode, findForm, pressPrimary, typeInto, waitForPart } from './form-play.js';

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

/** The temporary password an МФЦ operator issued, as the fake server recognises it (`Temp-…`). */
export const temporaryPassword = 'Temp-4821-Kx';

/** Signs in with the temporary password and the code, and waits for «Придумайте свой пароль». */
export async function reachPasswordChange(form: MfcLoginForm): Promise<void> {
  await signIn(form, '+7 900 123-45-67', temporaryPassword);
  await enterCode(form, demoCode);
  await waitForPart(form, '#passwordRepeat');
}

/** Types the citizen's own password twice (or `repeat` the second time) and presses Save and sign in. */
export async function chooseOwnPassword(form: MfcLoginForm, password: string, repeat = password): Promise<void> {
  await typeInto(form, 'password', password);
  await typeInto(form, 'passwordRepeat', repeat);
  await pressPrimary(form);
}
