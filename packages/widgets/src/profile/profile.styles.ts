import { css } from 'lit';

/** The profile and its sections: summary lists with «Изменить», forms in place, lists of events. */
export const profileStyles = css`
  :host {
    display: block;
    max-width: none;
  }

  [hidden] {
    display: none !important;
  }

  .section {
    display: grid;
    gap: var(--_space);
    justify-items: stretch;
  }

  .heading {
    font-size: 1.25em;
    font-weight: 700;
    line-height: 1.25;
  }

  .heading:focus,
  [tabindex='-1']:focus {
    outline: none;
  }

  .sub {
    margin: var(--_space) 0 0;
    font-size: 1.0625em;
    font-weight: 700;
  }

  p {
    margin: 0;
  }

  dl.summary {
    display: grid;
    margin: 0;
    border-top: 1px solid var(--_border);
  }

  .row {
    display: grid;
    grid-template-columns: minmax(8rem, 14rem) 1fr auto;
    gap: var(--_space);
    padding: var(--_space) 0;
    border-bottom: 1px solid var(--_border);
  }

  .row dt {
    font-weight: 600;
  }

  .row dd {
    margin: 0;
    overflow-wrap: anywhere;
  }

  @media (max-width: 36rem) {
    .row {
      grid-template-columns: 1fr auto;
    }
    .row dd:not(.row-action) {
      grid-column: 1 / -1;
      grid-row: 2;
    }
  }

  form {
    display: grid;
    gap: var(--_space);
    max-width: 32rem;
  }

  .row-fields {
    display: grid;
    gap: var(--_space);
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
  }

  .events {
    display: grid;
    gap: var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .event {
    display: grid;
    gap: 0.125rem;
    justify-items: start;
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .badge {
    display: inline-block;
    white-space: nowrap;
    margin-left: var(--_space);
    padding: 0 0.4em;
    border-radius: 999px;
    background: var(--_surface-alt);
    font-size: 0.8em;
    font-weight: 600;
  }

  .button.danger {
    border-color: var(--_danger);
    background: var(--_danger);
    color: var(--mfc-color-on-danger, #ffffff);
  }

  .badge.warning {
    background: var(--_danger-surface, #fdecea);
  }

  .levels {
    display: grid;
    gap: var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .level {
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .level.current {
    border-width: 3px;
    border-color: var(--_primary);
  }

  .choice {
    display: flex;
    gap: 0.5rem;
    align-items: flex-start;
  }

  .choice input {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    margin: 0.1rem 0 0;
    accent-color: var(--_primary);
  }

  fieldset {
    display: grid;
    gap: 0.5rem;
    margin: 0;
    padding: 0;
    border: 0;
  }

  legend {
    padding: 0;
    margin-bottom: 0.5rem;
    font-weight: 600;
  }

  ul.kept {
    margin: 0;
    padding-inline-start: 1.25rem;
    display: grid;
    gap: 0.25rem;
  }
`;

/** The profile's own box: its heading, the contents, the sections one under another. */
export const profileShellStyles = css`
  :host {
    max-width: var(--mfc-profile-max-width, 48rem);
  }

  .base {
    display: grid;
    gap: calc(var(--_space) * 4);
  }

  .heading.top {
    font-size: 1.5em;
  }

  .contents {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space) calc(var(--_space) * 3);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .group {
    display: grid;
    gap: calc(var(--_space) * 3);
  }

  /* The sessions of <mfc-security> as one more section, not a panel of their own. */
  mfc-security {
    max-width: none;
  }

  mfc-security::part(base) {
    padding: 0;
    background: none;
  }

  mfc-security::part(heading) {
    font-size: 1.25rem;
  }
`;
