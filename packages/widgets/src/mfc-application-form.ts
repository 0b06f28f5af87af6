import { MfcApplicationForm } from './application-form/application-form.js';

export { MfcApplicationForm };
export type { MfcApplicationSubmitDetail } from './application-form/application-form.js';

MfcApplicationForm.define('mfc-application-form');

declare global {
  interface HTMLElementTagNameMap {
    'mfc-application-form': MfcApplicationForm;
  }
}
