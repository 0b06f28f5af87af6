import { css } from 'lit';

/** What only registration has: the consent's text and checkbox, fields side by side, «Шаг 1 из 2». */
export const registrationStyles = css`
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
    accent-color: var(--_primary);
  }

  .checkbox input:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  details.document {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space) calc(var(--_space) * 1.5);
  }

  details.document summary {
    cursor: pointer;
    color: var(--_primary);
    font-weight: 600;
  }

  details.document summary:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  .document-text {
    max-height: 16rem;
    overflow: auto;
    white-space: pre-line;
    font-size: 0.875em;
  }

  .row {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
    align-items: start;
    gap: calc(var(--_space) * 2);
  }

  .row > * {
    min-width: 0;
  }

  .steps {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875em;
  }
`;
