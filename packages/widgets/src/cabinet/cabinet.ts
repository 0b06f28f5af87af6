import { provide } from '@lit/context';
import { createCabinetClient, type CabinetClient, type Locale } from '@mfc-cabinet/core';
import { html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { clientContext, localeContext } from '../base/context.js';
import { inheritedLang, MfcElement } from '../base/mfc-element.js';
import { SessionWarning } from '../base/session-warning.js';
import { toLocale } from '../i18n/registry.js';
import { dialogStyles } from '../styles/dialog.styles.js';
import { controls, tokens } from '../styles/tokens.styles.js';

/**
 * The personal cabinet: provides one SDK client and one language to every `mfc-` widget
 * inside it, so they share the session and speak the same language. A minute before an
 * idle session ends it asks the citizen whether to stay signed in.
 *
 * @summary Provider of the Cabinet API client for the widgets inside it; the session timeout warning.
 * @tagname mfc-cabinet
 * @slot - The widgets of the cabinet, e.g. `<mfc-login-form>`.
 * @csspart session-warning - The «still there?» dialog.
 * @csspart button - Its buttons.
 * @csspart primary-button - Its «stay signed in» button.
 *
 * @example
 * ```html
 * <mfc-cabinet api-base="/api/v1" locale="ru">
 *   <mfc-login-form></mfc-login-form>
 * </mfc-cabinet>
 * ```
 */
export class MfcCabinet extends MfcElement {
  static override styles = [tokens, controls, dialogStyles];

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
    if (this.#ownClient) {
      this.#ownClient.close();
      this.#ownClient = undefined;
      if (this.client) this.client = undefined;
    }
  }

  protected override render() {
    return html`<slot></slot>${this.#warning.render(this.t)}`;
  }
}
