/**
 * Steps for `play` functions of `<mfc-security>` stories and of the «Вы ещё здесь?» dialog.
 * General steps are in `form-play.ts`.
 */
import { expect, fireEvent, waitFor } from 'storybook/test';
import type { MfcSecurity } from '../../packages/widgets/src/mfc-security.js';
import { findForm, patience, press, waitForPart, type FormElement } from './form-play.js';

/** The security view of the story, also inside the sign-in form that opened it. */
export function findSecurity(canvasElement: HTMLElement): Promise<MfcSecurity> {
  return findForm(canvasElement, 'mfc-security');
}

/** The identity confirmation inside the security view of the story, once it is rendered. */
export async function findIdentity(canvasElement: HTMLElement): Promise<FormElement> {
  const security = await findSecurity(canvasElement);
  const identity = await waitForPart<FormElement>(security, 'mfc-identity-confirmation');
  await identity.updateComplete;
  return identity;
}

/** Waits until the sessions are listed and returns their items, this browser's first. */
export async function waitForSessions(security: MfcSecurity): Promise<HTMLElement[]> {
  await waitForPart(security, '[part~="sessions"]');
  return [...security.shadowRoot!.querySelectorAll<HTMLElement>('[part~="session"]')];
}

/** Waits until `count` sessions are listed. */
export async function expectSessionCount(security: MfcSecurity, count: number): Promise<void> {
  await waitFor(async () => expect(await waitForSessions(security)).toHaveLength(count), { timeout: patience });
}

/** Presses «Завершить сеанс» of the session on `device` and waits until it is gone from the list. */
export async function endSessionOn(security: MfcSecurity, device: string): Promise<void> {
  const sessions = await waitForSessions(security);
  const session = sessions.find((item) => item.querySelector('.device strong')?.textContent?.trim() === device);
  const button = session?.querySelector('button');
  if (!button) throw new Error(`No session on «${device}» to end`);
  fireEvent.click(button);
  await expectSessionCount(security, sessions.length - 1);
}

/** Presses «Выйти на всех других устройствах» and waits for «Завершено сеансов: N». */
export async function endOtherSessions(security: MfcSecurity, count: number): Promise<void> {
  await waitForSessions(security);
  await press(security, '[part~="sessions"] + button');
  const message = await waitForPart(security, '[part~="alert"][role="status"]');
  await waitFor(() => expect(message).toHaveTextContent(new RegExp(`\\b${count}\\.`)), { timeout: patience });
  await expectSessionCount(security, 1);
}

/** Presses «Получить код для МФЦ» and waits for the code, whose QR code has loaded. */
export async function getIdentityCode(security: FormElement): Promise<void> {
  await press(security, '[part~="identity"] [part~="primary-button"]');
  await waitForIdentityCode(security);
}

/** Waits for the identity code and its QR code, loaded. */
export async function waitForIdentityCode(security: FormElement): Promise<void> {
  await waitForPart(security, '[part~="identity-code"]');
  const qr = await waitForPart<HTMLImageElement>(security, 'img[part~="qr"]');
  await waitFor(() => expect(qr.complete && qr.naturalWidth > 0).toBe(true), { timeout: patience });
}

/** The «Вы ещё здесь?» dialog of `host` (`<mfc-cabinet>`, or a sign-in form used alone), once it is open. */
export async function waitForSessionWarning(host: FormElement): Promise<HTMLDialogElement> {
  return waitForPart<HTMLDialogElement>(host, 'dialog.session-warning[open]');
}

/** Waits until the «Вы ещё здесь?» dialog of `host` is closed. */
export async function expectSessionWarningClosed(host: FormElement): Promise<void> {
  const dialog = await waitForPart<HTMLDialogElement>(host, 'dialog.session-warning');
  await waitFor(() => expect(dialog.open).toBe(false), { timeout: patience });
}

/** Presses «Остаться в кабинете» (`stay`) or «Выйти» in the open dialog. */
export async function answerSessionWarning(host: FormElement, answer: 'stay' | 'sign-out'): Promise<void> {
  await waitForSessionWarning(host);
  await press(host, `dialog.session-warning .actions button:${answer === 'stay' ? 'first-child' : 'last-child'}`);
}
