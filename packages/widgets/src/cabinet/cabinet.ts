import { provide } from '@lit/context';
import type { CabinetClient, Locale } from '@mfc-cabinet/core';
import { sharedClient } from '../base/clients.js';
import { css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { clientContext, localeContext } from '../base/context.js';
import { inheritedLang, MfcElement } from '../base/mfc-element.js';
import { LazySessionWarning } from '../base/lazy-session-warning.js';
import { toLocale } from '../i18n/registry.js';
import { controls, tokens } from '../styles/tokens.styles.js';
import { renderOnChange } from '../base/extension-point.js';
import { cabinetRoutes, readRoute, writeRoute, type CabinetRoute, type CabinetRouteContext, type Routing } from './cabinet-route.js';
import { HomeSections } from './home-sections.js';

/**
 * The personal cabinet: provides one SDK client and one language to every `mfc-` widget
 * inside it, so they share the session and speak the same language. A minute before an
 * idle session ends it asks the citizen whether to stay signed in.
 *
 * It composes the widgets inside it: a service selected in `<mfc-service-catalog>` opens
 * its `<mfc-application-form>`, and a submitted application opens in
 * `<mfc-application-tracker>` — over the cabinet's own content, with a «Назад» button.
 * With `routing` set, where the citizen is goes into the page's URL, so that Back and
 * deep links work. The views are the features' contributions to `cabinetRoutes`; the
 * sections of its home (shown to a signed-in citizen after its content) are those to
 * `homeSections`.
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
 * @csspart home-section - A section of the home contributed by a feature.
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
    css`
      [hidden] {
        display: none !important;
      }
      /* Focus moved here shows its ring after a key (Enter on «Подать заявление»), not after a click. */
      .view:focus-visible,
      .home:focus-visible {
        outline: 3px solid var(--_focus);
        outline-offset: 2px;
      }
      .view:focus:not(:focus-visible),
      .home:focus:not(:focus-visible) {
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

  /**
   * No home under the cabinet's content: for a page whose cabinet holds a view of its own
   * (the catalog, the tracker), where the home's sections would repeat it below.
   */
  @property({ type: Boolean, attribute: 'no-home', reflect: true }) noHome = false;

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

  /** «Still there?», loaded once signed in. */
  readonly #warning: LazySessionWarning = new LazySessionWarning(this);
  readonly #home = new HomeSections(this);
  #ownClient?: CabinetClient;
  /** Views this cabinet pushed onto the history, which «Назад» may pop. */
  #pushed = 0;
  /** Focus moves on the next update: into the view opened, or back to where home was left. */
  #focusView = false;
  /** What had focus when the citizen left home for a view: «Назад» returns focus there. */
  #opener?: HTMLElement;
  /** Whether the `lang` attribute is the cabinet's own, set by {@link #markLanguage}. */
  #markedLanguage = false;
  /** The events the routes listen for, as listened for now. */
  #listening = new Map<string, EventListener>();
  #stopRoutes?: () => void;

  constructor() {
    super();
    renderOnChange(this, cabinetRoutes);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.#onPopState);
    this.#listenForRoutes();
    this.#stopRoutes = cabinetRoutes.subscribe(this.#onRoutesChange);
    if (this.routing !== 'off') this.route = readRoute(this.routing, new URL(location.href));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.providedLocale = this.locale ?? toLocale(inheritedLang(this));
    this.#markLanguage();
    // Not given a client: the page's one client of this API root, shared with standalone
    // widgets (the same session, one request for it). The language does not change it.
    const needsOwnClient = !this.client || this.client === this.#ownClient;
    if (needsOwnClient && (changed.has('apiBase') || !this.client)) {
      this.#ownClient = sharedClient(this.apiBase);
      this.client = this.#ownClient;
      void this.#ownClient.auth.refresh().catch(() => undefined);
    }
    this.#warning.watch(this.client);
    this.#home.watch(this.client);
    super.willUpdate(changed);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.#onPopState);
    this.#stopRoutes?.();
    for (const [name, listener] of this.#listening) this.removeEventListener(name, listener);
    this.#listening.clear();
    // The shared client outlives this element (other widgets may use it); only forget it.
    if (this.#ownClient) {
      this.#ownClient = undefined;
      if (this.client) this.client = undefined;
    }
  }

  protected override render() {
    const { route } = this;
    const contribution = route.view === 'home' ? undefined : cabinetRoutes.get(route.view);
    const view = contribution?.render(route, this.#routeContext());
    const ownView = view !== undefined;
    if (ownView) void contribution?.load?.();
    return html`
      <div class="home" tabindex="-1" ?hidden=${ownView}><slot></slot>${this.noHome ? nothing : this.#home.render(this)}</div>
      ${ownView
        ? html`<section part="view" class="view" tabindex="-1" aria-label=${this.t.cabinetBack}>
            <button part="button back-button" class="button back" type="button" @click=${this.#back}>← ${this.t.cabinetBack}</button>
            ${view}
          </section>`
        : nothing}
      ${this.#warning.render(this.t)}
    `;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (changed.has('route')) {
      const context = this.#routeContext();
      for (const contribution of cabinetRoutes.list()) contribution.routed?.(contribution.id === this.route.view ? this.route : undefined, context);
    }
    if (this.#focusView) {
      this.#focusView = false;
      if (this.route.view !== 'home') this.renderRoot.querySelector<HTMLElement>('.view')?.focus();
      else if (this.#opener?.isConnected) this.#opener.focus();
      else this.renderRoot.querySelector<HTMLElement>('.home')?.focus();
    }
  }

  /**
   * Opens a view (or home) and, with routing, records it in the history. The route's
   * parameters that its URL value does not hold (e.g. the notice over an application just
   * sent) last until the next navigation.
   */
  navigate(route: CabinetRoute, { replace = false } = {}): void {
    this.#moveFocus(route);
    this.route = route;
    if (this.routing === 'off') return;
    const url = writeRoute(this.routing, new URL(location.href), route);
    if (replace) history.replaceState(history.state, '', url);
    else {
      history.pushState(history.state, '', url);
      this.#pushed++;
    }
  }

  /**
   * A cabinet given a `locale` says so with `lang`, for screen readers and hyphenation, over
   * everything in it (the slotted widgets too), so an English cabinet on a Russian page is
   * read as English. Without `locale` the page's `lang` is left in force.
   */
  #markLanguage(): void {
    if (this.locale) this.lang = this.locale;
    else if (this.#markedLanguage) this.removeAttribute('lang');
    this.#markedLanguage = !!this.locale;
  }

  #routeContext(): CabinetRouteContext {
    return { cabinet: this, t: this.t };
  }

  /** Listens for the events of the routes contributed now, and for no other. */
  #listenForRoutes(): void {
    const wanted = new Set(cabinetRoutes.list().flatMap((route) => Object.keys(route.events ?? {})));
    for (const [name, listener] of this.#listening) {
      if (wanted.has(name)) continue;
      this.removeEventListener(name, listener);
      this.#listening.delete(name);
    }
    for (const name of wanted) {
      if (this.#listening.has(name)) continue;
      const listener = (event: Event) => {
        for (const route of cabinetRoutes.list()) route.events?.[name]?.(event, this);
      };
      this.addEventListener(name, listener);
      this.#listening.set(name, listener);
    }
  }

  /** A route contributed later (a lazy chunk): listen for its events, and open it if the URL names it. */
  #onRoutesChange = (): void => {
    this.#listenForRoutes();
    if (this.routing !== 'off' && this.route.view === 'home') this.route = readRoute(this.routing, new URL(location.href));
  };

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
    const route = readRoute(this.routing, new URL(location.href));
    if (route.view !== this.route.view) this.#moveFocus(route);
    this.route = route;
  };

  /** Before `route` opens: remembers the opener when home is left, and moves focus once it has rendered. */
  #moveFocus(route: CabinetRoute): void {
    if (this.route.view === 'home' && route.view !== 'home') this.#opener = focusedElement();
    this.#focusView = route.view !== 'home' || this.route.view !== 'home';
  }
}

/** The element that has focus, inside shadow roots too. */
function focusedElement(): HTMLElement | undefined {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : undefined;
}
