/**
 * Steps for `play` functions of `<mfc-service-catalog>` stories. They read what the catalog
 * says (its status line, its card, its alerts) rather than the services in the list: the
 * list renders only the services on screen, and on a Docs page most stories are not.
 */
import { expect, fireEvent, waitFor } from 'storybook/test';
import type { MfcServiceCatalog } from '../../packages/widgets/src/mfc-service-catalog.js';
import { findForm, patience, waitForPart } from './form-play.js';

export function findCatalog(canvasElement: HTMLElement): Promise<MfcServiceCatalog> {
  return findForm(canvasElement, 'mfc-service-catalog');
}

/** Waits until the status line (how many services, or why none) matches `text`. */
export async function expectStatus(catalog: MfcServiceCatalog, text: string | RegExp): Promise<void> {
  await waitFor(
    async () => {
      const status = await waitForPart(catalog, '[part~="status"]');
      await expect(status.textContent?.replace(/\s+/g, ' ').trim()).toMatch(text);
    },
    { timeout: patience },
  );
}

/** Types `query` into the search field, as the citizen does, one character at a time. */
export async function search(catalog: MfcServiceCatalog, query: string): Promise<void> {
  const input = await waitForPart<HTMLInputElement>(catalog, '#search');
  for (let length = 1; length <= query.length; length++) {
    fireEvent.input(input, { target: { value: query.slice(0, length) } });
    await catalog.updateComplete;
  }
}

/** Chooses `value` in the filter `name` (`delivery`, `level`, `maxTermDays`, …). */
export async function chooseFilter(catalog: MfcServiceCatalog, name: string, value: string): Promise<void> {
  const select = await waitForPart<HTMLSelectElement>(catalog, `#filter-${name}`);
  fireEvent.change(select, { target: { value } });
  await catalog.updateComplete;
}

/** Waits until the service's card shows its title. */
export async function expectCard(catalog: MfcServiceCatalog, title: string | RegExp): Promise<void> {
  await waitFor(
    async () => expect((await waitForPart(catalog, '[part~="detail-heading"]')).textContent?.trim()).toMatch(title),
    { timeout: patience },
  );
}
