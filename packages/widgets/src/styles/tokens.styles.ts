import { css } from 'lit';

/**
 * Design tokens every widget reads. Each is a CSS custom property with a default, so a
 * site themes every widget at once (`--mfc-color-primary: #004d99`) or one widget through
 * its own `--mfc-<widget>-*` properties. `themes.css` has a dark and a high-contrast
 * large-text set.
 */
export const tokens = css`
  :host {
    --_font: var(--mfc-font-family, inherit);
    --_font-size: var(--mfc-font-size, 1rem);
    --_line-height: var(--mfc-line-height, 1.5);
    --_primary: var(--mfc-color-primary, #0d4cd3);
    --_primary-hover: var(--mfc-color-primary-hover, #0b3fb0);
    --_on-primary: var(--mfc-color-on-primary, #ffffff);
    --_text: var(--mfc-color-text, #0b1f33);
    --_muted: var(--mfc-color-text-muted, #52606d);
    --_surface: var(--mfc-color-surface, #ffffff);
    --_surface-alt: var(--mfc-color-surface-alt, #f1f4f8);
    --_border: var(--mfc-color-border, #7b8794);
    --_danger: var(--mfc-color-danger, #b3001b);
    --_danger-surface: var(--mfc-color-danger-surface, #fdecee);
    --_warning-surface: var(--mfc-color-warning-surface, #fff4d6);
    --_success: var(--mfc-color-success, #0a6b3d);
    --_focus: var(--mfc-color-focus, #ffb800);
    --_radius: var(--mfc-radius, 8px);
    --_space: var(--mfc-space, 0.5rem);
    --_control-height: var(--mfc-control-height, 2.75rem);

    display: block;
    box-sizing: border-box;
    color: var(--_text);
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: var(--_line-height);
  }

  :host([hidden]) {
    display: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
`;

/** Buttons, text fields and messages shared by the widgets. */
export const controls = css`
  button,
  input {
    font: inherit;
    color: inherit;
  }

  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--_space);
    min-height: var(--_control-height);
    padding: 0 calc(var(--_space) * 3);
    border: 2px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_primary);
    font-weight: 600;
    cursor: pointer;
  }

  .button.primary {
    background: var(--_primary);
    color: var(--_on-primary);
  }

  .button.primary:hover:not([aria-disabled='true']) {
    background: var(--_primary-hover);
    border-color: var(--_primary-hover);
  }

  .button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.75;
  }

  .link {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_primary);
    text-decoration: underline;
    cursor: pointer;
  }

  :is(.button, .link, input):focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  .field {
    display: grid;
    gap: calc(var(--_space) / 2);
  }

  .label {
    font-weight: 600;
  }

  .hint {
    color: var(--_muted);
    font-size: 0.875em;
  }

  .input {
    width: 100%;
    min-height: var(--_control-height);
    padding: 0 calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  .input[aria-invalid='true'] {
    border: 2px solid var(--_danger);
  }

  .field-error {
    color: var(--_danger);
    font-weight: 600;
  }

  .alert {
    padding: calc(var(--_space) * 1.5) calc(var(--_space) * 2);
    border-left: 4px solid var(--_danger);
    border-radius: var(--_radius);
    background: var(--_danger-surface);
  }

  .alert.info {
    border-color: var(--_primary);
    background: var(--_surface-alt);
  }

  .alert.warning {
    border-color: #8a5a00;
    background: var(--_warning-surface);
  }

  .alert > :first-child {
    margin-top: 0;
  }

  .alert > :last-child {
    margin-bottom: 0;
  }

  @media (prefers-reduced-motion: no-preference) {
    .button {
      transition: background-color 120ms ease;
    }
  }
`;
