import { css } from 'lit';
import { panelStyles } from './flow.styles.js';

/**
 * The panel of a widget with a long list of cards and a detail (the catalog, the tracker).
 * The widget sets `--_card-background`, `--_card-border` and `--_gap` from its own custom
 * properties.
 */
export const listStyles = css`
  p {
    margin: 0;
  }

  ${panelStyles}

  .detail-heading:focus {
    outline: none;
  }

  .status {
    font-weight: 600;
  }

  .list {
    /* The virtualizer positions the items itself; each needs its own box. */
    width: 100%;
  }

  .item {
    width: 100%;
    padding-bottom: var(--_gap);
  }

  .card {
    display: grid;
    padding: calc(var(--_space) * 1.5) calc(var(--_space) * 2);
    border: 1px solid var(--_card-border);
    border-radius: var(--_radius);
    background: var(--_card-background);
  }

  .open {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_primary);
    font: inherit;
    font-weight: 600;
    text-align: start;
    cursor: pointer;
  }

  .meta {
    display: flex;
    flex-wrap: wrap;
    margin: 0;
    padding: 0;
    list-style: none;
    color: var(--_muted);
  }

  .section {
    font-size: 1.125em;
    font-weight: 700;
  }

  .facts {
    display: grid;
    margin: 0;
  }

  .facts dt {
    color: var(--_muted);
    font-size: 0.875em;
  }

  .facts dd {
    margin: 0;
    font-weight: 600;
  }
`;
