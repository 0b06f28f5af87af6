import { MfcSecurity } from './security/security.js';

export { MfcSecurity };

MfcSecurity.define('mfc-security');

declare global {
  interface HTMLElementTagNameMap {
    'mfc-security': MfcSecurity;
  }
}
