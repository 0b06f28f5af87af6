/**
 * Steps for `play` functions of the `mfc-` form stories (sign-in, registration, recovery):
 * they find the element, reach into its shadow root, fill fields and press buttons, and
 * wait for Lit to render.
 *
 * Events are dispatched on the elements (`fireEvent`), not typed through the focused element
 * (`userEvent`): on a Docs page every story plays at once, and keystrokes would land in
 * whichever story has the focus.
 */
import { expect, fireEvent, waitFor } from 'storybook/test';

/**
 * How long a step waits for the widget, in milliseconds. Generous: a Docs page plays every
 * story at once, the SDK retries a failed GET twice before it gives up, and the machine may be
 * busy with other builds. Only a failing story waits this long.
 */
export const patience = 20_000;

/** A rendered `mfc-` element: a Lit element with an open shadow root. */
export type FormElement = HTMLElement & { readonly updateComplete: Promise<boolean> };

/** The tags of the `mfc-` elements the stories load. */
type MfcTag = Extract<keyof HTMLElementTagNameMap, `mfc-${string}`>;

/**
 * The element `tag` of the story, also when it sits in another element's shadow root
 * (e.g. the registration form the sign-in form opened).
 */
export async function findForm<K extends MfcTag>(
  canvasElement: HTMLElement,
  tag: K,
  timeout = patience,
): Promise<HTMLElementTagNameMap[K]> {
  await customElements.whenDefined(tag);
  const form = await waitFor(
    () => {
      const found = deepQuery<HTMLElementTagNameMap[K]>(canvasElement, tag);
      if (!found) throw new Error(`<${tag}> is not rendered`);
      return found;
    },
    { timeout },
  );
  await (form as unknown as FormElement).updateComplete;
  return form;
}

/** An element inside the form's shadow root, once it is rendered. */
export async function waitForPart<T extends Element = HTMLElement>(
  form: FormElement,
  selector: string,
  timeout = patience,
): Promise<T> {
  return waitFor(
    () => {
      const element = form.shadowRoot?.querySelector<T>(selector);
      if (!element) throw new Error(`${selector} is not rendered in <${form.localName}>`);
      return element;
    },
    { timeout },
  );
}

/** Puts `value` in the field with this id (`phone`, `password`, `code`, `passport-issuedAt`, …), as typing would. */
export async function typeInto(form: FormElement, field: string, value: string): Promise<void> {
  const input = await waitForPart<HTMLInputElement>(form, `#${field}`);
  fireEvent.input(input, { target: { value } });
  await form.updateComplete;
}

/** Ticks or unticks the checkbox with this id, as a click would. */
export async function setChecked(form: FormElement, field: string, checked = true): Promise<void> {
  const box = await waitForPart<HTMLInputElement>(form, `#${field}`);
  if (box.checked !== checked) fireEvent.click(box);
  await form.updateComplete;
}

/** Presses the main button of the current step (Sign in, Get code, Confirm, Save, Start again). */
export function pressPrimary(form: FormElement): Promise<void> {
  return press(form, '[part~="primary-button"]');
}

/** Clicks the element `selector` inside the form's shadow root, e.g. `[part~="resend"] button`. */
export async function press(form: FormElement, selector: string): Promise<void> {
  fireEvent.click(await waitForPart(form, selector));
  await form.updateComplete;
}

/** Clicks the link-styled button whose text is `text` (e.g. the one the widget calls `skipEmail`). */
export async function pressLink(form: FormElement, text: string): Promise<void> {
  const link = await waitFor(
    () => {
      const found = [...(form.shadowRoot?.querySelectorAll<HTMLElement>('[part~="link-button"]') ?? [])].find(
        (button) => button.textContent?.trim() === text,
      );
      if (!found) throw new Error(`No link «${text}» in <${form.localName}>`);
      return found;
    },
    { timeout: patience },
  );
  fireEvent.click(link);
  await form.updateComplete;
}

/** Types the one-time code and presses Confirm. */
export async function enterCode(form: FormElement, code: string): Promise<void> {
  await typeInto(form, 'code', code);
  await pressPrimary(form);
}

/**
 * Enters three wrong codes, as the server allows per code: each of the first two is refused
 * at the field, the third ends the attempt (a message about the form, and no code field).
 */
export async function useUpCodeAttempts(form: FormElement): Promise<void> {
  for (const code of ['000000', '111111']) {
    await enterCode(form, code);
    await expectShown(form, '#code-error');
  }
  await enterCode(form, '222222');
  await expectShown(form, '#form-error');
  await expect(form.shadowRoot?.querySelector('#code')).toBeNull();
}

/** Waits until `selector` (by default a message about the whole form) is shown. */
export async function expectShown(form: FormElement, selector = '[part~="alert"]', timeout = patience): Promise<HTMLElement> {
  const element = await waitForPart(form, selector, timeout);
  await expect(element).toBeVisible();
  return element;
}

/** Waits until the main button says the form is busy (`aria-disabled="true"`). */
export async function expectBusy(form: FormElement): Promise<void> {
  await waitFor(
    async () => expect(await waitForPart(form, '[part~="primary-button"]')).toHaveAttribute('aria-disabled', 'true'),
    { timeout: patience },
  );
}

/** Matches an `mfc-error` event whose error has this code, for `toHaveBeenCalledWith`. */
export function errorEventWithCode(code: string): unknown {
  return expect.objectContaining({ detail: expect.objectContaining({ error: expect.objectContaining({ code }) }) });
}

/** `YYYY-MM-DD` of the day `years` before today (for birth dates). */
export function yearsAgo(years: number): string {
  const date = new Date();
  date.setFullYear(date.getFullYear() - years);
  return date.toISOString().slice(0, 10);
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
