import { css, html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { MfcElement } from '../base/mfc-element.js';
import { SessionController } from '../base/session-controller.js';
import type { MfcCabinet } from '../cabinet/cabinet.js';
import type { HomeSectionStateDetail } from '../cabinet/home-sections.js';
import { profileView } from '../cabinet/profile-link.js';
import { routeLink } from '../cabinet/route-link.js';
import { controls, tokens } from '../styles/tokens.styles.js';

/**
 * A section of the cabinet's home for a «simplified» account — a citizen who chose
 * «Заполнить позже» at registration: what passport and СНИЛС would open, and the way to
 * the profile to give them. Empty (hidden by the home) at any other level. Its strings come
 * with the home's chunk.
 *
 * @summary A section of the cabinet's home: the way to a higher account level.
 * @tagname mfc-home-profile
 * @csspart heading - The section's heading.
 * @csspart link - The link to the profile.
 */
export class MfcHomeProfile extends MfcElement {
  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: block;
      }
      .heading {
        margin: 0 0 var(--mfc-space-s, 0.5rem);
        font-size: 1.25rem;
        font-weight: 600;
      }
      p {
        margin: 0 0 var(--mfc-space-s, 0.5rem);
      }
    `,
  ];

  /** The cabinet whose profile view the link opens. */
  @property({ attribute: false }) cabinetElement?: MfcCabinet;

  /** The level of the section's heading. @default 3 */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 3;

  readonly #session = new SessionController(this, { client: () => this.cabinet });
  #reported?: string;

  get #shown(): boolean {
    const { state } = this.#session;
    return state.status === 'signed-in' && state.session.user.level === 'simplified';
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const detail: HomeSectionStateDetail = { state: this.#session.state.status === 'unknown' ? 'loading' : this.#shown ? 'shown' : 'empty', offline: false };
    if (detail.state === this.#reported) return;
    this.#reported = detail.state;
    this.dispatchEvent(new CustomEvent<HomeSectionStateDetail>('mfc-home-section-state', { detail, bubbles: true, composed: true }));
  }

  protected override render() {
    const { t } = this;
    const cabinet = this.cabinetElement;
    if (!cabinet || !this.#shown) return nothing;
    const level = Math.min(Math.max(Math.round(this.headingLevel) || 3, 1), 6);
    return html`<section aria-labelledby="heading">
      <div part="heading" class="heading" id="heading" role="heading" aria-level=${level}>${t.homeLevelHeading}</div>
      <p>${t.homeLevelLead}</p>
      ${routeLink(cabinet, profileView, t.homeLevelAction)}
    </section>`;
  }
}
