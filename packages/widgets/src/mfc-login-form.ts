import { MfcLoginForm } from './login-form/login-form.js';

export { MfcLoginForm };

MfcLoginForm.define('mfc-login-form');

declare global {
  interface HTMLElementTagNameMap {
    'mfc-login-form': MfcLoginForm;
  }
}
