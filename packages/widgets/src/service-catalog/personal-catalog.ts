import type { AuthState, CabinetClient, CatalogFilters, CatalogPersonal, FilterPreset, ServiceSummary } from '@mfc-cabinet/core';
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { submitButton, textField } from '../base/fields.js';
import { SessionController } from '../base/session-controller.js';
import type { Translation } from '../i18n/translation.js';
import type { View } from './catalog-view.js';

/**
 * The signed-in citizen's part of the catalog: favourites, recently viewed services and
 * saved filter sets. Loaded for whoever signs in (the sign-in state comes from
 * {@link SessionController}) and dropped when they sign out.
 */
export class PersonalCatalog {
  readonly #host: ReactiveControllerHost;
  readonly #session: SessionController;
  #value?: CatalogPersonal;
  /** The account whose favourites are (being) loaded. */
  #of?: string;

  /** `onSignOut`: nobody is signed in (any more); what only a citizen sees closes. */
  constructor(host: ReactiveControllerHost, client: () => CabinetClient, onSignOut: () => void) {
    this.#host = host;
    this.#session = new SessionController(host, {
      client,
      onAccountChange: (accountId, client) => {
        this.#of = accountId;
        this.value = undefined;
        if (!accountId) return onSignOut();
        client.catalog.personal().then(
          (personal) => {
            if (this.#of === accountId) this.value = personal;
          },
          () => undefined, // Without them the citizen sees the catalog as a visitor does.
        );
      },
    });
  }

  get auth(): AuthState {
    return this.#session.state;
  }

  /** The signed-in citizen's favourites, recently viewed services and filter sets, once loaded. */
  get value(): CatalogPersonal | undefined {
    return this.#value;
  }

  set value(personal: CatalogPersonal | undefined) {
    this.#value = personal;
    this.#host.requestUpdate();
  }

  /** Changes what is loaded, e.g. by a filter set the server saved. */
  change(update: (personal: CatalogPersonal) => CatalogPersonal): void {
    if (this.#value) this.value = update(this.#value);
  }

  /** Puts the service among the recently viewed of a signed-in citizen. */
  markViewed(serviceId: string): void {
    if (!this.#session.signedIn) return;
    const of = this.#of;
    this.#session.client.catalog.markViewed(serviceId).then(
      (personal) => {
        if (this.#of === of && this.#value) this.value = personal;
      },
      () => undefined, // Not being remembered is no reason to bother the citizen.
    );
  }

  /** Adds or removes a favourite at once, and takes it back (and throws) if the server refuses. */
  async toggleFavourite(service: ServiceSummary): Promise<void> {
    const before = this.#value;
    if (!before) return;
    const on = before.favourites.includes(service.id);
    this.value = {
      ...before,
      favourites: on ? before.favourites.filter((id) => id !== service.id) : [...before.favourites, service.id],
    };
    try {
      const catalog = this.#session.client.catalog;
      const personal = await (on ? catalog.removeFavourite(service.id) : catalog.addFavourite(service.id));
      if (this.#of !== undefined) this.value = personal;
    } catch (error) {
      this.change((personal) => ({ ...personal, favourites: before.favourites }));
      throw error;
    }
  }
}

/** The switch between all services, the favourites and the recently viewed. */
export function renderViews(t: Translation, personal: CatalogPersonal, current: View, choose: (view: View) => void): TemplateResult {
  const views: Array<[View, string, number | undefined]> = [
    ['all', t.viewAll, undefined],
    ['favourites', t.viewFavourites, personal.favourites.length],
    ['recent', t.viewRecent, personal.recent.length],
  ];
  return html`<div part="views" class="chips" role="group" aria-label=${t.viewsLabel}>
    ${views.map(
      ([view, label, count]) => html`<button
        type="button"
        class="chip"
        part="button view"
        aria-pressed=${current === view ? 'true' : 'false'}
        @click=${() => choose(view)}
      >
        ${label}${count === undefined ? nothing : html` <span class="count">${count}</span>`}
      </button>`,
    )}
  </div>`;
}

/** Whether two sets of filters choose the same. */
function sameFilters(a: CatalogFilters, b: CatalogFilters): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as Array<keyof CatalogFilters>);
  return [...keys].every((key) => a[key] === b[key]);
}

/** The saved filter sets: each applies its filters, its × deletes it. */
export function renderPresets(
  t: Translation,
  presets: FilterPreset[],
  chosen: CatalogFilters,
  busy: boolean,
  apply: (preset: FilterPreset) => void,
  remove: (preset: FilterPreset) => void,
): TemplateResult | typeof nothing {
  if (presets.length === 0) return nothing;
  return html`<div part="presets" class="chips" role="group" aria-label=${t.presetsLabel}>
    <span class="hint" aria-hidden="true">${t.presetsLabel}:</span>
    ${presets.map(
      (preset) => html`<span class="preset" part="preset">
        <button
          type="button"
          class="chip"
          part="button"
          aria-pressed=${sameFilters(preset.filters, chosen) ? 'true' : 'false'}
          @click=${() => apply(preset)}
        >
          ${preset.name}
        </button>
        <button
          type="button"
          class="chip remove"
          part="button"
          aria-label=${t.deletePreset(preset.name)}
          aria-disabled=${busy ? 'true' : 'false'}
          @click=${() => remove(preset)}
        >
          ×
        </button>
      </span>`,
    )}
  </div>`;
}

/** What the form naming the filters to save is drawn with. */
export interface PresetForm {
  name: string;
  error: string | undefined;
  /** The action under way, if any. */
  busy: string | undefined;
  onInput: (name: string) => void;
  onSubmit: (event: SubmitEvent) => void;
  onCancel: () => void;
}

export function renderPresetForm(t: Translation, form: PresetForm): TemplateResult {
  return html`<form part="preset-form" class="preset-form" novalidate @submit=${form.onSubmit}>
    ${textField({
      id: 'presetName',
      label: t.presetNameLabel,
      hint: t.presetNameHint,
      error: form.error,
      value: form.name,
      maxlength: 60,
      required: true,
      onInput: form.onInput,
    })}
    <div class="actions">
      ${submitButton(form.busy === 'save-preset' ? t.saving : t.save, form.busy !== undefined)}
      <button type="button" class="button" part="button" @click=${form.onCancel}>${t.cancel}</button>
    </div>
  </form>`;
}
