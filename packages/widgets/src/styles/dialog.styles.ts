import { css } from 'lit';

/** The modal dialogs of the widgets (the session warning). */
export const dialogStyles = css`
  dialog {
    max-width: min(28rem, calc(100vw - 2rem));
    padding: calc(var(--_space) * 3);
    border: 0;
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    box-shadow: 0 0.5rem 2rem rgb(0 0 0 / 30%);
  }

  dialog::backdrop {
    background: rgb(11 31 51 / 55%);
  }

  dialog h2 {
    margin: 0 0 var(--_space);
    font-size: 1.25em;
  }

  dialog .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    margin-top: calc(var(--_space) * 2);
  }
`;
