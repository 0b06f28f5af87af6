import { css } from 'lit';

export const serviceCatalogStyles = css`
  :host {
    --_card-background: var(--mfc-service-catalog-card-background, var(--_surface));
    --_card-border: var(--mfc-service-catalog-card-border, var(--_border));
    --_accent: var(--mfc-service-catalog-accent, var(--_primary));
    --_gap: var(--mfc-service-catalog-gap, var(--_space));

    max-width: var(--mfc-service-catalog-max-width, 60rem);
  }

  .search,
  .field {
    display: grid;
    gap: calc(var(--_space) / 2);
  }

  .search .input {
    font-size: 1.125em;
  }

  select {
    font: inherit;
    color: inherit;
  }

  select.input {
    min-width: 0;
    cursor: pointer;
  }

  .filter-grid > * {
    min-width: 0;
  }

  select:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  .chips {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .chip {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    min-height: 2.25rem;
    padding: 0.25rem 0.875rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
    font-size: 0.9375em;
    cursor: pointer;
  }

  .chip[aria-pressed='true'] {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_on-primary);
    font-weight: 600;
  }

  .chip .count {
    font-variant-numeric: tabular-nums;
    opacity: 0.85;
  }

  .chip:focus-visible,
  .open:focus-visible,
  .favourite:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  .preset {
    display: inline-flex;
  }

  .preset .chip:first-child {
    border-radius: 999px 0 0 999px;
  }

  .preset .remove {
    margin-left: -1px;
    border-radius: 0 999px 999px 0;
    padding: 0.25rem 0.625rem;
  }

  .filter-bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }

  .toggle::after {
    content: '▾';
  }

  .toggle[aria-expanded='true']::after {
    content: '▴';
  }

  /* Open, the panel takes a line of its own between the toggle and the chips of the filters chosen. */
  .filters {
    flex-basis: 100%;
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .filter-grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
    gap: calc(var(--_space) * 1.5);
    padding: var(--_space) 0;
  }

  .filter-actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 2);
    padding-bottom: var(--_space);
  }

  .preset-form {
    display: grid;
    gap: var(--_space);
    max-width: 28rem;
    padding-bottom: var(--_space);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }

  a.button {
    text-decoration: none;
  }

  .badge {
    display: inline-block;
    padding: 0 0.5em;
    border-radius: 999px;
    background: var(--_surface-alt);
    color: var(--_text);
    font-size: 0.8125em;
    font-weight: 600;
    white-space: nowrap;
  }

  .badge.warning {
    background: var(--_warning-surface);
  }

  .results {
    display: grid;
    gap: var(--_space);
  }

  .card {
    position: relative;
    grid-template-columns: minmax(0, 1fr) auto;
    align-items: start;
    gap: var(--_space);
  }

  .card:hover {
    border-color: var(--_accent);
  }

  .card-text {
    display: grid;
    gap: calc(var(--_space) / 2);
    min-width: 0;
  }

  .open {
    font-size: 1.0625em;
    overflow-wrap: anywhere;
  }

  /* The whole card opens the service; the star stays a button of its own. */
  .open::after {
    content: '';
    position: absolute;
    inset: 0;
  }

  .open:hover {
    text-decoration: underline;
  }

  .summary,
  .description {
    overflow-wrap: anywhere;
  }

  .meta {
    gap: 0 var(--_space);
    font-size: 0.875em;
  }

  .meta li + li::before {
    content: '·';
    margin-right: var(--_space);
  }

  .favourite {
    position: relative;
    z-index: 1;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
    min-width: 2.75rem;
    min-height: 2.75rem;
    padding: 0;
    border: 0;
    border-radius: var(--_radius);
    background: none;
    color: var(--_accent);
    font: inherit;
    cursor: pointer;
  }

  .favourite.button {
    padding: 0 calc(var(--_space) * 2);
    border: 2px solid var(--_accent);
  }

  .star {
    font-size: 1.5em;
    line-height: 1;
  }

  .detail {
    display: grid;
    gap: calc(var(--_space) * 2);
    justify-items: start;
  }

  .detail > * {
    max-width: 100%;
  }

  .detail-heading {
    font-size: 1.375em;
    font-weight: 700;
    line-height: 1.25;
    overflow-wrap: anywhere;
  }

  .facts {
    grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
    gap: var(--_space) calc(var(--_space) * 3);
    width: 100%;
  }

  .facts dd {
    overflow-wrap: anywhere;
  }

  .documents {
    display: grid;
    gap: calc(var(--_space) / 2);
    margin: 0;
    padding-left: 1.25em;
  }
`;
