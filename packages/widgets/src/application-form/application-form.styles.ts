import { css } from 'lit';

export const applicationFormStyles = css`
  :host {
    --_accent: var(--mfc-application-form-accent, var(--_primary));
    --_done: var(--mfc-application-form-done, var(--_success));
    --_gap: var(--mfc-application-form-gap, calc(var(--_space) * 3));

    max-width: var(--mfc-application-form-max-width, 40rem);
    /* Narrow layouts follow the form's own width (a side column too), not the screen's. */
    container-type: inline-size;
  }

  /* A box of its own, so a theme set on the form alone (dark on a light page) stays readable. */
  .base {
    display: grid;
    gap: calc(var(--_space) * 2);
    padding: calc(var(--_space) * 3);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }

  .heading {
    font-size: 1.5em;
    font-weight: 700;
    line-height: 1.25;
    overflow-wrap: anywhere;
  }

  .heading:focus,
  .step-heading:focus,
  .confirmation-heading:focus,
  .error-summary:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  .progress {
    margin: 0;
    color: var(--_muted);
    font-weight: 600;
  }

  .steps {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space) calc(var(--_space) * 2);
    margin: 0;
    padding: 0;
    list-style: none;
    counter-reset: step;
  }

  .steps li {
    counter-increment: step;
    display: flex;
    align-items: center;
    gap: calc(var(--_space) / 2);
    color: var(--_muted);
  }

  .steps li::before {
    content: counter(step);
    display: inline-grid;
    place-items: center;
    width: 1.75em;
    height: 1.75em;
    border: 2px solid currentColor;
    border-radius: 50%;
    font-size: 0.875em;
    font-weight: 700;
  }

  .steps li.done {
    color: var(--_done);
  }

  .steps li.done::before {
    content: '✓';
  }

  .steps li.current {
    color: var(--_accent);
    font-weight: 700;
  }

  .steps li.current::before {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-primary);
  }

  .save-status {
    min-height: 1.5em;
    color: var(--_muted);
    font-size: 0.875em;
  }

  .save-status.saved,
  .save-status.queued {
    color: var(--_done);
  }

  .save-status.failed {
    color: var(--_danger);
    font-weight: 600;
  }

  .error-summary ul {
    margin: var(--_space) 0 0;
    padding-left: 1.25em;
  }

  .error-summary a {
    color: var(--_danger);
    font-weight: 600;
  }

  .error-summary a:focus-visible {
    outline: 3px solid var(--_focus);
  }

  .form,
  .fields {
    display: grid;
    gap: var(--_gap);
  }

  .step-heading {
    font-size: 1.25em;
    font-weight: 700;
  }

  .lead {
    margin: 0;
  }

  select.input {
    padding-right: calc(var(--_space) * 4);
  }

  .textarea {
    min-height: 6rem;
    padding: var(--_space) calc(var(--_space) * 1.5);
    font: inherit;
    resize: vertical;
  }

  select,
  textarea {
    font: inherit;
    color: inherit;
  }

  :is(select, textarea):focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  .checkbox {
    display: grid;
    grid-template-columns: auto 1fr;
    align-items: start;
    gap: var(--_space);
  }

  .checkbox input {
    width: 1.5rem;
    height: 1.5rem;
    margin: 0.1rem 0 0;
    accent-color: var(--_accent);
  }

  .documents {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }

  .documents legend {
    padding: 0;
    margin-bottom: calc(var(--_space) / 2);
  }

  .kind {
    display: grid;
    gap: calc(var(--_space) / 2);
    margin-top: var(--_space);
  }

  .kind-label {
    font-weight: 600;
  }

  .kept ul {
    margin: calc(var(--_space) / 2) 0 0;
    padding-left: 1.25em;
  }

  .kept .link {
    margin-left: var(--_space);
  }

  .review {
    display: grid;
    gap: calc(var(--_space) * 2);
    padding: calc(var(--_space) * 2);
    border-radius: var(--_radius);
    background: var(--mfc-application-form-review-background, var(--_surface-alt));
  }

  .review-heading {
    font-weight: 700;
  }

  .review dl {
    margin: var(--_space) 0 0;
  }

  .answer {
    display: grid;
    grid-template-columns: minmax(8rem, 1fr) 2fr auto;
    gap: var(--_space);
    padding: var(--_space) 0;
    border-bottom: 1px solid var(--_border);
  }

  .answer dt {
    font-weight: 600;
  }

  .answer dd {
    margin: 0;
    overflow-wrap: anywhere;
    white-space: pre-line;
  }

  /* Narrow: the label with «Изменить» beside it, the answer under both. */
  @container (max-width: 30rem) {
    .answer {
      grid-template-columns: 1fr auto;
      gap: calc(var(--_space) / 2) var(--_space);
    }
    .answer .value {
      grid-column: 1 / -1;
      grid-row: 2;
    }
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }

  a.button {
    text-decoration: none;
  }

  .confirmation {
    display: grid;
    gap: var(--_space);
    padding: calc(var(--_space) * 2);
    border-left: 4px solid var(--_done);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }

  .confirmation.queued {
    border-color: #8a5a00;
    background: var(--_warning-surface);
  }

  .confirmation-heading {
    font-size: 1.25em;
    font-weight: 700;
  }

  .facts {
    display: grid;
    gap: var(--_space);
    margin: 0;
  }

  .facts dt {
    color: var(--_muted);
  }

  .facts dd {
    margin: 0;
    font-weight: 700;
  }

  .tracking-number {
    font-size: 1.5em;
    letter-spacing: 0.02em;
  }

  .section {
    font-weight: 700;
  }

  .confirmation ul {
    margin: 0;
    padding-left: 1.25em;
  }
`;
