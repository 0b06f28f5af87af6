import { css } from 'lit';

export const documentUploaderStyles = css`
  :host {
    display: block;
  }

  .dropzone {
    display: grid;
    gap: calc(var(--_space) / 2);
    padding: calc(var(--_space) * 1.5);
    border: 2px dashed var(--mfc-uploader-border-color, var(--_border));
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  :host([dragging]) .dropzone {
    border-color: var(--_primary);
    background: var(--_surface-alt);
  }

  .dropzone p {
    margin: 0;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }

  label.button:has(+ input:focus-visible) {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  label.button {
    cursor: pointer;
  }

  .files {
    display: grid;
    gap: calc(var(--_space) / 2);
    margin: var(--_space) 0 0;
    padding: 0;
    list-style: none;
  }

  .file {
    display: grid;
    grid-template-columns: 1fr auto;
    align-items: center;
    gap: 0.25rem var(--_space);
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .name {
    overflow-wrap: anywhere;
    font-weight: 600;
  }

  progress,
  .status,
  .field-error,
  .file-actions {
    grid-column: 1 / -1;
  }

  progress {
    width: 100%;
    accent-color: var(--_primary);
  }

  .file-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }

  .vault {
    margin-top: var(--_space);
  }

  .vault .label:focus {
    outline: none;
  }
`;
