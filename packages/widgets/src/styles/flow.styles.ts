import { css } from 'lit';

/** The box of a widget and its heading (which takes focus without a ring when a step changes). */
export const panelStyles = css`
  .base {
    display: grid;
    gap: calc(var(--_space) * 2);
    padding: calc(var(--_space) * 3);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  .heading {
    font-size: 1.5em;
    font-weight: 700;
    line-height: 1.25;
  }

  .heading:focus {
    outline: none;
  }
`;

/** Layout of the step-by-step forms: sign-in, registration, recovery. */
export const flowStyles = css`
  :host {
    max-width: var(--mfc-login-form-max-width, 28rem);
  }

  .links {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: var(--_space);
  }

  .checklist {
    display: grid;
    gap: 0.125rem;
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: 0.875em;
  }

  .checklist li::before {
    content: '○';
    display: inline-block;
    width: 1.25em;
    color: var(--_muted);
  }

  .checklist li.met::before {
    content: '✓';
    color: var(--_success);
    font-weight: 700;
  }

  ${panelStyles}

  form {
    display: grid;
    gap: calc(var(--_space) * 2);
  }

  .control {
    display: grid;
    gap: calc(var(--_space) / 2);
    justify-items: start;
  }

  .toggle {
    font-size: 0.875em;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }

  .actions .button {
    flex: 1 1 auto;
  }

  .lead,
  .status,
  .name,
  .resend p,
  p {
    margin: 0;
  }

  .user {
    display: grid;
    gap: var(--_space);
    justify-items: start;
  }

  .name {
    font-weight: 600;
  }

  #code {
    max-width: 12ch;
    font-size: 1.25em;
    letter-spacing: 0.3em;
    font-variant-numeric: tabular-nums;
  }
`;
