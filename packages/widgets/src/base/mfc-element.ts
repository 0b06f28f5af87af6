import { consume } from '@lit/context';
import type { CabinetClient, Locale } from '@mfc-cabinet/core';
import { LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { loadTranslation, onTranslationsChange, toLocale, translationFor } from '../i18n/registry.js';
import { mergeTranslation, type Translation, type TranslationOverrides } from '../i18n/translation.js';
import { sharedClient } from './clients.js';
import { clientContext, localeContext } from './context.js';
import { dispatchMfcEvent, type MfcEventMap } from './events.js';

/** The `lang` in force at an element, looking through the shadow roots it sits in. */
export function inheritedLang(element: Element): string | null {
  let node: Element | null = element;
  while (node) {
    const withLang: Element | null = node.closest('[lang]');
    if (withLang) return withLang.getAttribute('lang');
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return null;
}

/**
 * The base of every `mfc-` widget: where the client and the language come from, typed
 * events, and an idempotent `define()`.
 *
 * The client is, in order: the `client` property; a client for the widget's own
 * `api-base`; the one `<mfc-cabinet>` provides; a client for `/api/v1`.
 * The language is: the `locale` attribute; `<mfc-cabinet locale>`; the nearest `lang`
 * attribute; Russian.
 */
export class MfcElement extends LitElement {
  /** Root of the Cabinet API for this widget alone, e.g. `/api/v1`. Inside `<mfc-cabinet>` it is not needed. */
  @property({ attribute: 'api-base', reflect: true }) apiBase?: string;

  /** Language of the widget: `ru` (default) or `en`. */
  @property({ reflect: true }) locale?: Locale;

  /** A client created with `createCabinetClient()`, instead of one from `api-base` or `<mfc-cabinet>`. */
  @property({ attribute: false }) client?: CabinetClient;

  /** Replaces some of the widget's strings, e.g. `{ signIn: 'Войти в кабинет' }`. */
  @property({ attribute: false }) strings?: TranslationOverrides;

  @consume({ context: clientContext, subscribe: true })
  @state()
  protected providedClient?: CabinetClient;

  @consume({ context: localeContext, subscribe: true })
  @state()
  private inheritedLocale?: Locale;

  #stopTranslations?: () => void;
  /** The language found at the last update (finding it walks up through shadow roots). */
  #locale?: Locale;
  /** The strings last merged with {@link strings}, and what they were merged from. */
  #translation?: { source: Translation; strings: TranslationOverrides | undefined; merged: Translation };

  /** Registers the element under `tag` unless that tag is already taken. */
  static define(tag: string): void {
    if (!customElements.get(tag)) customElements.define(tag, this);
  }

  /** The SDK client this widget talks to. */
  protected get cabinet(): CabinetClient {
    if (this.client) return this.client;
    if (this.apiBase) return sharedClient(this.apiBase);
    return this.providedClient ?? sharedClient();
  }

  protected get resolvedLocale(): Locale {
    return this.#locale ?? this.#findLocale();
  }

  /** The strings to render with: the language's, the page's overrides, then this element's. */
  protected get t(): Translation {
    const source = translationFor(this.resolvedLocale) ?? translationFor('ru')!;
    const cached = this.#translation;
    if (cached?.source === source && cached.strings === this.strings) return cached.merged;
    const merged = this.strings ? mergeTranslation(source, this.strings) : source;
    this.#translation = { source, strings: this.strings, merged };
    return merged;
  }

  #findLocale(): Locale {
    return this.locale ?? this.inheritedLocale ?? toLocale(inheritedLang(this));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#stopTranslations = onTranslationsChange(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopTranslations?.();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.#locale = this.#findLocale();
    void loadTranslation(this.#locale);
  }

  /** Fires a bubbling, composed `mfc-` event. Returns false when a listener called `preventDefault()`. */
  protected emit<K extends keyof MfcEventMap>(
    name: K,
    detail: MfcEventMap[K] extends CustomEvent<infer D> ? D : never,
    options: { cancelable?: boolean } = {},
  ): boolean {
    return dispatchMfcEvent(this, name, detail, options.cancelable);
  }
}
