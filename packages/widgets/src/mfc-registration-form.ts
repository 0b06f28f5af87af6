import { MfcRegistrationForm } from './registration-form/registration-form.js';

export { MfcRegistrationForm };

MfcRegistrationForm.define('mfc-registration-form');

declare global {
  interface HTMLElementTagNameMap {
    'mfc-registration-form': MfcRegistrationForm;
  }
}
