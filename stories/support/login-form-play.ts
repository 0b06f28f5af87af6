/**
 * Steps for `play` functions of `<mfc-login-form>` stories: they reach into the element's
 * shadow root, fill fields and press buttons, and wait for Lit to render.
 *
 * Events are dispatched on the elements (`fireEvent`), not typed through the focused element
 * (`userEvent`): on a Docs page every story plays at once, and keystrokes would land in
 * whichever story has the focus.
 */
import { expect, fireEvent, waitFor } from 'storybook/test';
import type { MfcLoginForm } from '../../packages/widgets/src/mfc-login-form.js';

/** The login form of the story, also when it sits in another element's shadow root. */
export async function findLoginForm(canvasElement: HTMLElement): Promise<MfcLoginForm> {
  await customElements.whenDefined('mfc-login-form');
  const form = await waitFor(() => {
    const found = deepQuery<MfcLoginForm>(canvasElement, 'mfc-login-form');
    if (!found) throw new Error('<mfc-login-form> is not rendered');
    return found;
  });
  await form.updateComplete;
  return form;
}

/** An element inside the form's shadow root, once it is rendered. */
export async function waitForPart<T extends Element = HTMLElement>(form: MfcLoginForm, selector: string): Promise<T> {
  return waitFor(
    () => {
      const element = form.shadowRoot?.querySelector<T>(selector);
      if (!element) throw new Error(`${selector} is not rendered in <mfc-login-form>`);
      return element;
    },
    { timeout: 3000 },
  );
}

/** Puts `value` in a field (`identifier`, `password` or `code`), as typing would. */
export async function typeInto(form: MfcLoginForm, field: 'identifier' | 'password' | 'code', value: string): Promise<void> {
  const input = await waitForPart<HTMLInputElement>(form, `#${field}`);
  fireEvent.input(input, { target: { value } });
  await form.updateComplete;
}

/** Presses the main button of the current step (Sign in, Confirm, Start again). */
export function pressPrimary(form: MfcLoginForm): Promise<void> {
  return press(form, '[part~="primary-button"]');
}

/** Clicks the element `selector` inside the form's shadow root, e.g. `[part~="resend"] button`. */
export async function press(form: MfcLoginForm, selector: string): Promise<void> {
  fireEvent.click(await waitForPart(form, selector));
  await form.updateComplete;
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

/** Types the one-time code and presses Confirm. */
export async function enterCode(form: MfcLoginForm, code: string): Promise<void> {
  await typeInto(form, 'code', code);
  await pressPrimary(form);
}

/** Waits until `selector` (by default a message about the whole form) is shown. */
export async function expectShown(form: MfcLoginForm, selector = '[part~="alert"]'): Promise<HTMLElement> {
  const element = await waitForPart(form, selector);
  await expect(element).toBeVisible();
  return element;
}

/** Matches an `mfc-error` event whose error has this code, for `toHaveBeenCalledWith`. */
export function errorEventWithCode(code: string): unknown {
  return expect.objectContaining({ detail: expect.objectContaining({ error: expect.objectContaining({ code }) }) });
}

function deepQuery<T extends Element>(root: ParentNode, selector: string): T | null {
  const direct = root.querySelector<T>(selector);
  if (direct) return direct;
  for (const element of root.querySelectorAll('*')) {
    const found = element.shadowRoot ? deepQuery<T>(element.shadowRoot, selector) : null;
    if (found) return found;
  }
  return null;
}
