import type { SignIn } from '@mfc-cabinet/core';
import { html, nothing } from 'lit';
import { CursorPages } from '../base/cursor-pages.js';
import { formatDateTime } from '../base/format.js';
import { ProfileSection } from './section.js';

/**
 * «История входов» in the security of `<mfc-profile>`: every sign-in and failed attempt,
 * newest first — when, the device and browser, the address and, where the server knows
 * it, the city.
 */
export class MfcProfileSignIns extends ProfileSection {
  readonly #pages = new CursorPages<SignIn>(this, async (cursor, signal) => {
    const page = await this.cabinet.profile.signIns(cursor === undefined ? { limit: 10 } : { cursor, limit: 10 }, { signal });
    return { items: page.signIns, nextCursor: page.nextCursor };
  });

  protected override render() {
    const { t } = this;
    return this.section(
      t.profileSignInsHeading,
      html`
        ${this.renderPages(this.#pages, 'sign-ins', t.profileSignInsEmpty, (entry) => html`<li part="sign-in" class="event">
          <p>
            <strong>${t.profileSignInOutcome[entry.outcome]}</strong>
            ${entry.current ? html`<span class="badge">${t.thisDevice}</span>` : nothing}
          </p>
          <p class="hint">${formatDateTime(this.resolvedLocale, entry.at)} · ${entry.device}</p>
          <p class="hint">${[entry.place ?? t.placeUnknown, entry.ip].join(' · ')}</p>
        </li>`)}
      `,
      'sign-ins',
    );
  }
}
