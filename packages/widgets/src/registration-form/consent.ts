import type { PersonalDataConsent } from '@mfc-cabinet/core';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Translation } from '../i18n/translation.js';

/** The consent to the processing of personal data (152-ФЗ): the checkbox, its error and the text to read. */
export function renderConsent(
  t: Translation,
  consent: PersonalDataConsent | undefined,
  given: boolean,
  error: string | undefined,
  onChange: (given: boolean) => void,
): TemplateResult {
  return html`
    <div part="consent" class="field">
      ${error ? html`<span part="field-error" class="field-error" id="consent-error">${error}</span>` : nothing}
      <div class="checkbox">
        <input
          type="checkbox"
          id="consent"
          name="consent"
          aria-required="true"
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? 'consent-error' : nothing}
          .checked=${live(given)}
          @change=${(event: Event) => onChange((event.target as HTMLInputElement).checked)}
        />
        <label for="consent">${t.consentLabel}</label>
      </div>
      ${consent
        ? html`<details class="document">
            <summary>${t.consentTextToggle}</summary>
            <div class="document-text" tabindex="0" role="region" aria-label=${consent.title}>
              <p><strong>${consent.title}</strong></p>
              ${consent.text}
            </div>
          </details>`
        : nothing}
    </div>
  `;
}
