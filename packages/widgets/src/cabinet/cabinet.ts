import { provide } from '@lit/context';
import { createCabinetClient, type CabinetClient, type Locale } from '@mfc-cabinet/core';
import { html, LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { clientContext, localeContext } from '../base/context.js';
import { inheritedLang } from '../base/mfc-element.js';
import { toLocale } from '../i18n/registry.js';
import { tokens } from '../styles/tokens.styles.js';

/**
 * The personal cabinet: provides one SDK client and one language to every `mfc-` widget
 * inside it, so they share the session and speak the same language.
 *
 * @summary Provider of the Cabinet API client for the widgets inside it.
 * @tagname mfc-cabinet
 * @slot - The widgets of the cabinet, e.g. `<mfc-login-form>`.
 *
 * @example
 * ```html
 * <mfc-cabinet api-base="/api/v1" locale="ru">
 *   <mfc-login-form></mfc-login-form>
 * </mfc-cabinet>
 * ```
 */
export class MfcCabinet extends LitElement {
  static override styles = tokens;

  /** Root of the Cabinet API: same site as the page (a path the site proxies, or a subdomain). */
  @property({ attribute: 'api-base', reflect: true }) apiBase = '/api/v1';

  /** Language of every widget inside: `ru` (default) or `en`. */
  @property({ reflect: true }) locale?: Locale;

  /** The client the widgets use. Set it to share a client you created; otherwise one is created from `api-base`. */
  @provide({ context: clientContext })
  @property({ attribute: false })
  client?: CabinetClient;

  @provide({ context: localeContext })
  private providedLocale: Locale = 'ru';

  #ownClient?: CabinetClient;

  static define(tag = 'mfc-cabinet'): void {
    if (!customElements.get(tag)) customElements.define(tag, this);
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
    return html`<slot></slot>`;
  }
}
