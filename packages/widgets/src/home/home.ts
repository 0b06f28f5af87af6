import { applicationStatusNamesRu } from '@mfc-cabinet/core';
import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { renderOnChange } from '../base/extension-point.js';
import { MfcElement } from '../base/mfc-element.js';
import type { MfcCabinet } from '../cabinet/cabinet.js';
import { homeSections, type HomeSectionContribution, type HomeSectionStateDetail } from '../cabinet/home-sections.js';
import { profileView } from '../cabinet/profile-link.js';
import { routeLink } from '../cabinet/route-link.js';
import { addStrings } from '../i18n/registry.js';
import { controls, tokens } from '../styles/tokens.styles.js';
import { ruHome } from './strings-ru.js';

// With the names of the statuses (the tracker's strings), which the sections show before
// the tracker's chunk has ever loaded. Added once, here: strings added later re-render
// every widget of the page (an open «still there?» dialog would lose its focus).
addStrings('ru', { ...ruHome, trackerStatus: (status) => applicationStatusNamesRu[status] });

/**
 * The home of `<mfc-cabinet>`, where a signed-in citizen lands: links to the catalog, the
 * applications and the profile, then what needs the citizen now — the sections the
 * features contribute to `homeSections` (applications that need information, drafts,
 * applications in progress, documents issued, and whatever later features add). While the
 * sections load it says so; offline, what they show is saved data, with one notice; a new
 * citizen, with nothing in any section, is greeted with a way into the catalog.
 *
 * The cabinet renders it in its shadow root while a citizen is signed in (it is not placed
 * in a page).
 *
 * @summary The cabinet's home: what needs the signed-in citizen now.
 * @tagname mfc-cabinet-home
 * @csspart base - The outer box.
 * @csspart heading - The home's heading.
 * @csspart nav - The links to the cabinet's views.
 * @csspart nav-link - One of them.
 * @csspart status - «Загружаем…» while every section loads.
 * @csspart offline - The note that saved data is shown.
 * @csspart home-section - A section contributed by a feature.
 * @csspart empty - The greeting of a citizen with nothing yet.
 */
export class MfcCabinetHome extends MfcElement {
  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: block;
        margin-block-start: var(--mfc-space-l, 1.5rem);
      }
      [hidden] {
        display: none !important;
      }
      .heading {
        margin: 0 0 var(--mfc-space-m, 1rem);
        font-size: 1.5rem;
      }
      .nav ul {
        display: flex;
        flex-wrap: wrap;
        gap: var(--mfc-space-s, 0.5rem) var(--mfc-space-l, 1.5rem);
        margin: 0 0 var(--mfc-space-l, 1.5rem);
        padding: 0;
        list-style: none;
      }
      .section {
        margin-block-end: var(--mfc-space-l, 1.5rem);
      }
      .empty {
        padding: var(--mfc-space-l, 1.5rem);
        border: 1px solid var(--mfc-color-border, #c4c9d0);
        border-radius: var(--mfc-radius, 0.5rem);
      }
      .empty h3 {
        margin-block-start: 0;
      }
    `,
  ];

  /** The cabinet whose views the links open. */
  @property({ attribute: false }) cabinetElement?: MfcCabinet;

  /**
   * Shown only once a section shows saved data: set by the cabinet on a page opened without
   * a network, where the session could not be checked.
   */
  @property({ attribute: 'saved-only', type: Boolean }) savedOnly = false;

  /** The level of the home's heading; the sections' headings are one below. @default 2 */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /** What each reporting section last said, by its id. */
  @state() private states: Readonly<Record<string, HomeSectionStateDetail>> = {};

  constructor() {
    super();
    renderOnChange(this, homeSections);
  }

  #stateOf(section: HomeSectionContribution): HomeSectionStateDetail {
    return this.states[section.id] ?? { state: section.reportsState ? 'loading' : 'shown', offline: false };
  }

  #onState(id: string, event: Event): void {
    event.stopPropagation();
    const detail = (event as CustomEvent<HomeSectionStateDetail>).detail;
    const known = this.states[id];
    if (known?.state === detail.state && known.offline === detail.offline) return;
    this.states = { ...this.states, [id]: detail };
  }

  protected override render() {
    const { t } = this;
    const cabinet = this.cabinetElement;
    const sections = homeSections.list();
    for (const section of sections) void section.load?.();
    const states = sections.map((section) => this.#stateOf(section).state);
    const loading = states.length > 0 && states.every((state) => state === 'loading' || state === 'empty') && states.includes('loading');
    const empty = states.length > 0 && states.every((state) => state === 'empty');
    const offline = sections.some((section) => this.#stateOf(section).offline);
    const hidden = this.savedOnly && !states.includes('shown');
    const level = Math.min(Math.max(Math.round(this.headingLevel) || 2, 1), 5);
    return html`<section part="base" class="base" aria-labelledby="home-heading" ?hidden=${hidden}>
      <div part="heading" class="heading" id="home-heading" role="heading" aria-level=${level} tabindex="-1">${t.homeHeading}</div>
      ${cabinet
        ? html`<nav part="nav" class="nav" aria-label=${t.homeNavLabel}>
            <ul>
              <li>${routeLink(cabinet, { view: 'catalog' }, t.homeToCatalog, { part: 'nav-link' })}</li>
              <li>${routeLink(cabinet, { view: 'applications' }, t.homeToApplications, { part: 'nav-link' })}</li>
              <li>${routeLink(cabinet, profileView, t.homeToProfile, { part: 'nav-link' })}</li>
            </ul>
          </nav>`
        : nothing}
      ${offline ? html`<p part="offline" class="alert info" role="status">${t.homeOffline}</p>` : nothing}
      ${loading ? html`<p part="status" class="status" role="status">${t.homeLoading}</p>` : nothing}
      ${cabinet
        ? sections.map((section) => {
            const state = this.#stateOf(section).state;
            return html`<div
              part="home-section"
              class="section"
              data-section=${section.id}
              ?hidden=${state === 'empty' || state === 'loading'}
              @mfc-home-section-state=${(event: Event) => this.#onState(section.id, event)}
            >
              ${section.render(cabinet)}
            </div>`;
          })
        : nothing}
      ${empty && cabinet
        ? html`<div part="empty" class="empty">
            <div role="heading" aria-level=${level + 1} class="empty-heading"><strong>${t.homeEmptyHeading}</strong></div>
            <p>${t.homeEmptyLead}</p>
            ${routeLink(cabinet, { view: 'catalog' }, t.homeEmptyAction, { part: 'link primary-link', className: 'button primary' })}
          </div>`
        : nothing}
    </section>`;
  }
}

