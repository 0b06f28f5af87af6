/**
 * Steps for `play` functions of `<mfc-password-recovery>` stories. General steps are in
 * `form-play.ts`.
 */
import type { MfcPasswordRecovery } from '../../packages/widgets/src/mfc-password-recovery.js';
import { demoCode } from './fake-api.js';
import { enterCode, findForm, pressPrimary, typeInto, waitForPart } from './form-play.js';

/** The recovery form of the story, also inside the sign-in form that opened it. */
export function findPasswordRecovery(canvasElement: HTMLElement): Promise<MfcPasswordRecovery> {
  return findForm(canvasElement, 'mfc-password-recovery');
}

/** Types the login (unless `identifier` is empty) and presses Get code. */
export async function startRecovery(form: MfcPasswordRecovery, identifier = 'ivanov@mail.ru'): Promise<void> {
  if (identifier) await typeInto(form, 'identifier', identifier);
  await pressPrimary(form);
}

/** Starts recovery and reaches the code step. */
export async function reachRecoveryCode(form: MfcPasswordRecovery, identifier?: string): Promise<void> {
  await startRecovery(form, identifier);
  await waitForPart(form, '#code');
}

/** Starts recovery, enters the right code and reaches the new password step. */
export async function reachNewPassword(form: MfcPasswordRecovery): Promise<void> {
  await reachRecoveryCode(form);
  await enterCode(form, demoCode);
  await waitForPart(form, '#passwordRepeat');
}

/** Types the new password twice (or `repeat` the second time) and presses Save. */
export async function saveNewPassword(form: MfcPasswordRecovery, password: string, repeat = password): Promise<void> {
  await typeInto(form, 'password', password);
  await typeInto(form, 'passwordRepeat', repeat);
  await pressPrimary(form);
}
