/**
 * Steps for `play` functions of `<mfc-profile>` stories. General steps are in `form-play.ts`.
 */
import { expect, waitFor } from 'storybook/test';
import type { MfcProfile } from '../../packages/widgets/src/mfc-profile.js';
import { findForm, patience, waitForPart, type FormElement } from './form-play.js';

/** The profile of the story, also inside the cabinet that shows it. */
export function findProfile(canvasElement: HTMLElement): Promise<MfcProfile> {
  return findForm(canvasElement, 'mfc-profile');
}

/** A section of the profile (`mfc-profile-personal`, `mfc-profile-contacts`, …), once it is rendered. */
export async function findSection(profile: MfcProfile, tag: string): Promise<FormElement> {
  const section = await waitForPart<FormElement>(profile, tag);
  await section.updateComplete;
  return section;
}

/** Waits until the text of `section` includes `text`. */
export async function expectText(section: FormElement, text: string | RegExp): Promise<void> {
  await waitFor(() => expect(section.shadowRoot?.textContent?.replace(/\s+/g, ' ')).toMatch(text), { timeout: patience });
}

/** Waits until `section` shows `count` elements matching `selector` (the entries of a list read by pages). */
export async function expectCount(section: FormElement, selector: string, count: number): Promise<void> {
  await waitFor(() => expect(section.shadowRoot?.querySelectorAll(selector).length).toBe(count), { timeout: patience });
}
