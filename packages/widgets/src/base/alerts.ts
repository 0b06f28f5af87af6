import type { CabinetError } from '@mfc-cabinet/core';
import { html, nothing, type TemplateResult } from 'lit';

/** What the server said about each field of a refused request, as a list; nothing when it said nothing. */
export function fieldErrorList(failure: CabinetError | undefined): TemplateResult | typeof nothing {
  const errors = failure?.fieldErrors ?? [];
  return errors.length > 0 ? html`<ul>${errors.map(({ message }) => html`<li>${message}</li>`)}</ul>` : nothing;
}

/** The alert in place of a list that could not be loaded: a heading, why, the server's details, and a retry. */
export function loadFailedAlert(heading: string, message: string, failure: CabinetError, retry: TemplateResult): TemplateResult {
  return html`<div part="alert" class="alert" role="alert">
    <p><strong>${heading}</strong></p>
    <p>${message}</p>
    ${fieldErrorList(failure)}
    <p>${retry}</p>
  </div>`;
}
