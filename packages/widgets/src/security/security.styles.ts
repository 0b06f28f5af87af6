import { css } from 'lit';

export const securityStyles = css`
  .section:focus,
  .identity-code:focus {
    outline: none;
  }

  .section {
    margin-top: var(--_space);
    font-size: 1.125em;
    font-weight: 700;
  }

  .sessions {
    display: grid;
    gap: var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .session {
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

  .identity {
    display: grid;
    gap: var(--_space);
    justify-items: start;
  }

  .identity-code {
    margin: 0;
    font-size: 1.75em;
    font-weight: 700;
    letter-spacing: 0.1em;
    font-variant-numeric: tabular-nums;
  }

  .qr {
    width: 12.5rem;
    height: 12.5rem;
    background: #ffffff;
    padding: 0.5rem;
    border-radius: var(--_radius);
  }
`;
