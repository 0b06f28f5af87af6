import { css } from 'lit';

export const applicationTrackerStyles = css`
  :host {
    --_card-background: var(--mfc-application-tracker-card-background, var(--_surface));
    --_card-border: var(--mfc-application-tracker-card-border, var(--_border));
    --_accent: var(--mfc-application-tracker-accent, var(--_primary));
    --_good: var(--mfc-application-tracker-success, var(--_success));
    --_bad: var(--mfc-application-tracker-danger, var(--_danger));
    --_gap: var(--mfc-application-tracker-gap, var(--_space));

    max-width: var(--mfc-application-tracker-max-width, 60rem);
  }

  .detail-heading {
    font-size: 1.25em;
    font-weight: 700;
  }

  #withdraw-question:focus,
  .field-error:focus {
    outline: none;
  }

  .filters {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr));
    gap: calc(var(--_space) * 1.5);
    align-items: end;
  }

  .filters .search {
    grid-column: 1 / -1;
  }

  select,
  textarea {
    font: inherit;
    color: inherit;
  }

  select.input {
    cursor: pointer;
  }

  .textarea {
    min-height: 6rem;
    padding: var(--_space) calc(var(--_space) * 1.5);
  }

  :is(select, textarea, .open, a):focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  .card {
    gap: calc(var(--_space) / 2);
  }

  .card-head {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    justify-content: space-between;
    align-items: baseline;
  }

  .open {
    text-decoration: underline;
  }

  .meta {
    gap: calc(var(--_space) / 2) calc(var(--_space) * 2);
    font-size: 0.9375em;
  }

  .badge {
    display: inline-flex;
    gap: 0.35em;
    align-items: center;
    padding: 0.1em 0.6em;
    border: 2px solid var(--_accent);
    border-radius: 999px;
    color: var(--_text);
    font-size: 0.875em;
    font-weight: 600;
    white-space: nowrap;
  }

  /* A status's mark: an inline SVG of lines in the text's colour. */
  .mark {
    width: 1em;
    height: 1em;
    color: var(--_accent);
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }

  .badge.status-draft,
  .badge.status-withdrawn {
    border-style: dashed;
    border-color: var(--_border);
  }

  .badge.status-needs_info {
    border-color: #8a5a00;
    background: var(--_warning-surface);
  }

  .badge.status-approved,
  .badge.status-ready_for_issue,
  .badge.status-completed {
    border-color: var(--_good);
  }

  .badge:is(.status-approved, .status-ready_for_issue, .status-completed) .mark {
    color: var(--_good);
  }

  .badge.status-rejected {
    border-color: var(--_bad);
  }

  .badge.status-rejected .mark {
    color: var(--_bad);
  }

  .exports {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space) calc(var(--_space) * 3);
  }

  .detail,
  .request,
  .answer {
    display: grid;
    gap: calc(var(--_space) * 1.5);
  }

  .facts {
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
    gap: var(--_space) calc(var(--_space) * 2);
  }

  .timeline {
    display: grid;
    gap: calc(var(--_space) * 1.5);
    margin: 0;
    padding: 0 0 0 calc(var(--_space) * 2);
    border-left: 3px solid var(--_accent);
    list-style: none;
  }

  .step {
    display: grid;
    gap: calc(var(--_space) / 4);
  }

  .step-head {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: baseline;
  }

  .step-actor,
  time {
    color: var(--_muted);
    font-size: 0.9375em;
  }

  .step-comment,
  .comment {
    white-space: pre-line;
  }

  .request {
    padding: calc(var(--_space) * 2);
    border: 2px solid #8a5a00;
    border-radius: var(--_radius);
    background: var(--_warning-surface);
  }

  /* Until the first page has come, the room reserved for the element before it was defined stays. */
  .results[aria-busy='true'] {
    min-block-size: var(--mfc-application-tracker-reserved-size, 30rem);
  }

  .results-list {
    margin: 0;
    padding-left: 1.25em;
  }

  .actions,
  .filter-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }

  .button.danger {
    border-color: var(--_bad);
    background: var(--_bad);
  }

  .checkbox {
    display: flex;
    gap: var(--_space);
    align-items: center;
  }
`;
