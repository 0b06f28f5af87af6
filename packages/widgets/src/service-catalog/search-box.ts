import { html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Translation } from '../i18n/translation.js';

/** What the search box is drawn with. */
export interface SearchBox {
  query: string;
  /** The citizen typed: the list follows at once. */
  onInput: (query: string) => void;
  /** ↓ in the field: to the first service of the list; false when there is none. */
  onDown: () => boolean;
}

/** The search form, searching as the citizen types; ↓ moves to the first service found. */
export function renderSearchBox(t: Translation, { query, onInput, onDown }: SearchBox): TemplateResult {
  return html`<form role="search" part="search" class="search" @submit=${(event: Event) => event.preventDefault()}>
    <label class="label" for="search">${t.searchLabel}</label>
    <span class="hint" id="search-hint">${t.searchHint}</span>
    <input
      id="search"
      class="input"
      part="input search-input"
      type="search"
      autocomplete="off"
      enterkeyhint="search"
      spellcheck="false"
      maxlength="200"
      aria-describedby="search-hint"
      aria-controls="results"
      .value=${live(query)}
      @input=${(event: InputEvent) => onInput((event.target as HTMLInputElement).value)}
      @keydown=${(event: KeyboardEvent) => {
        if (event.key === 'ArrowDown' && onDown()) event.preventDefault();
      }}
    />
  </form>`;
}
