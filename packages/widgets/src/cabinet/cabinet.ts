import { provide } from '@lit/context';
import { createCabinetClient, type CabinetClient, type Locale } from '@mfc-cabinet/core';
import { css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { clientContext, localeContext } from '../base/context.js';
import { inheritedLang, MfcElement } from '../base/mfc-element.js';
import { SessionWarning } from '../base/session-warning.js';
import { toLocale } from '../i18n/registry.js';
import { dialogStyles } from '../styles/dialog.styles.js';
import { controls, tokens } from '../styles/tokens.styles.js';
import type { MfcApplicationSubmitDetail } from '../application-form/application-submit-event.js';
import { readRoute, writeRoute, type CabinetRoute, type Routing } from './cabinet-route.js';

/** The views the cabinet opens over its content, each loaded when first needed. */
const viewModules = {
  apply: () => import('../mfc-application-form.js'),
  application: () => import('../mfc-application-tracker.js'),
};

/**
 * The personal cabinet: provides one SDK client and one language to every `mfc-` widget
 * inside it, so they share the session and speak the same language. A minute before an
 * idle session ends it asks the citizen whether to stay signed in.
 *
 * It composes the widgets inside it: a service selected in `<mfc-service-catalog>` opens
 * its `<mfc-application-form>`, and a submitted application opens in
 * `<mfc-application-tracker>` — over the cabinet's own content, with a «Назад» button.
 * With `routing` set, where the citizen is goes into the page's URL, so that Back and
 * deep links work.
 *
 * @summary Provider of the Cabinet API client for the widgets inside it; the session timeout warning.
 * @tagname mfc-cabinet
 * @slot - The widgets of the cabinet, e.g. `<mfc-login-form>`.
 * @csspart session-warning - The «still there?» dialog.
 * @csspart button - Its buttons.
 * @csspart primary-button - Its «stay signed in» button.
 * @csspart view - The form or application opened over the cabinet's content.
 * @csspart back-button - The button back to the cabinet's content.
 * @csspart notice - «Заявление отправлено» with its number, over the application just sent.
 *
 * @example
 * ```html
 * <mfc-cabinet api-base="/api/v1" locale="ru" routing="query">
 *   <mfc-login-form></mfc-login-form>
 *   <mfc-service-catalog></mfc-service-catalog>
 * </mfc-cabinet>
 * ```
 */
export class MfcCabinet extends MfcElement {
  static override styles = [
    tokens,
    controls,
    dialogStyles,
    css`
      [hidden] {
        display: none !important;
      }
      .view:focus {
        outline: none;
      }
      .back,
      .notice {
        margin-block-end: var(--mfc-space-m, 1rem);
      }
      .notice {
        font-weight: 600;
      }
    `,
  ];

  /**
   * Whether the cabinet writes where the citizen is into the page's URL: `query`
   * (`?mfc=apply:passport-rf`), `hash` (`#mfc=…`), or `off` when the host page has a router
   * of its own (it may then set {@link route} itself).
   */
  @property({ reflect: true }) routing: Routing = 'off';

  /** What the cabinet shows: its own content (`home`), the form of a service, or one application. */
  @state() route: CabinetRoute = { view: 'home' };

  /** Root of the Cabinet API: same site as the page (a path the site proxies, or a subdomain). */
  @property({ attribute: 'api-base', reflect: true }) override apiBase = '/api/v1';

  /** The client the widgets use. Set it to share a client you created; otherwise one is created from `api-base`. */
  @provide({ context: clientContext })
  @property({ attribute: false })
  override client?: CabinetClient;

  @provide({ context: localeContext })
  private providedLocale: Locale = 'ru';

  readonly #warning = new SessionWarning(this);
  #ownClient?: CabinetClient;
  /** Views this cabinet pushed onto the history, which «Назад» may pop. */
  #pushed = 0;
  #focusView = false;
  /** Said over the tracker right after the form sent (or queued) the application. */
  #submitted?: { trackingNumber: string | null; queued: boolean };

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('mfc-service-select', this.#onServiceSelect);
    this.addEventListener('mfc-application-submit', this.#onSubmitted);
    this.addEventListener('mfc-application-open', this.#onApplicationOpen);
    window.addEventListener('popstate', this.#onPopState);
    if (this.routing !== 'off') this.route = readRoute(this.routing, new URL(location.href));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.providedLocale = this.locale ?? toLocale(inheritedLang(this));
    const needsOwnClient = !this.client || this.client === this.#ownClient;
    if (needsOwnClient && (changed.has('apiBase') || changed.has('locale') || !this.client)) {
      this.#ownClient?.close();
      this.#ownClient = createCabinetClient({ baseUrl: this.apiBase, locale: this.providedLocale });
      this.client = this.#ownClient;
      void this.#ownClient.auth.refresh().catch(() => undefined);
    }
    this.#warning.watch(this.client);
    super.willUpdate(changed);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('mfc-service-select', this.#onServiceSelect);
    this.removeEventListener('mfc-application-submit', this.#onSubmitted);
    this.removeEventListener('mfc-application-open', this.#onApplicationOpen);
    window.removeEventListener('popstate', this.#onPopState);
    if (this.#ownClient) {
      this.#ownClient.close();
      this.#ownClient = undefined;
      if (this.client) this.client = undefined;
    }
  }

  protected override render() {
    const { route } = this;
    // An application opens in a tracker the page placed in the cabinet, if there is one.
    const ownView = route.view === 'apply' || (route.view === 'application' && !this.#placedTracker());
    if (ownView) void viewModules[route.view]();
    return html`
      <div ?hidden=${ownView}><slot></slot></div>
      ${route.view === 'home' || !ownView
        ? nothing
        : html`<section part="view" class="view" tabindex="-1" aria-label=${this.t.cabinetBack}>
            <button part="button back-button" class="button back" type="button" @click=${this.#back}>← ${this.t.cabinetBack}</button>
            ${route.view === 'apply'
              ? html`<mfc-application-form service-id=${route.serviceId}></mfc-application-form>`
              : html`${this.#submitted
                    ? html`<p part="notice" class="notice" role="status">
                        ${this.#submitted.queued
                          ? this.t.queuedHeading
                          : `${this.t.submittedHeading}${this.#submitted.trackingNumber ? `: ${this.#submitted.trackingNumber}` : ''}`}
                      </p>`
                    : nothing}
                  <mfc-application-tracker application-id=${route.applicationId}></mfc-application-tracker>`}
          </section>`}
      ${this.#warning.render(this.t)}
    `;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const tracker = this.#placedTracker();
    if (tracker && changed.has('route')) {
      if (this.route.view === 'application') tracker.setAttribute('application-id', this.route.applicationId);
      else tracker.removeAttribute('application-id');
    }
    if (this.#focusView) {
      this.#focusView = false;
      this.renderRoot.querySelector<HTMLElement>(this.route.view === 'home' ? 'slot' : '.view')?.focus?.();
    }
  }

  /** Opens a view (or home) and, with routing, records it in the history. */
  navigate(route: CabinetRoute, { replace = false } = {}): void {
    this.#submitted = undefined;
    this.route = route;
    this.#focusView = route.view !== 'home';
    if (this.routing === 'off') return;
    const url = writeRoute(this.routing, new URL(location.href), route);
    if (replace) history.replaceState(history.state, '', url);
    else {
      history.pushState(history.state, '', url);
      this.#pushed++;
    }
  }

  #onServiceSelect = (event: Event): void => {
    const { serviceId } = (event as CustomEvent<{ serviceId: string }>).detail;
    this.navigate({ view: 'apply', serviceId });
  };

  #onSubmitted = (event: Event): void => {
    const { application, queued } = (event as CustomEvent<MfcApplicationSubmitDetail>).detail;
    // The form's address is replaced by the application's: Back does not reopen a sent form.
    this.navigate({ view: 'application', applicationId: application.id }, { replace: true });
    this.#submitted = { trackingNumber: application.trackingNumber, queued };
  };

  /** A tracker the page placed in the cabinet opened an application or went back to its list: into the address. */
  #onApplicationOpen = (event: Event): void => {
    if (event.composedPath().some((node) => node instanceof Element && node.getRootNode() === this.renderRoot)) return;
    const { applicationId } = (event as CustomEvent<{ applicationId: string | null }>).detail;
    const current = this.route.view === 'application' ? this.route.applicationId : null;
    if (applicationId !== current) this.navigate(applicationId ? { view: 'application', applicationId } : { view: 'home' });
  };

  #placedTracker(): HTMLElement | null {
    return this.querySelector('mfc-application-tracker');
  }

  #back = (): void => {
    if (this.routing !== 'off' && this.#pushed > 0) {
      this.#pushed--;
      history.back();
    } else {
      this.navigate({ view: 'home' });
    }
  };

  #onPopState = (): void => {
    if (this.routing === 'off') return;
    this.#submitted = undefined;
    this.route = readRoute(this.routing, new URL(location.href));
  };
}
