import { MfcIdentityConfirmation } from './security/identity-confirmation.js';
import { MfcSecurity } from './security/security.js';

export { MfcIdentityConfirmation, MfcSecurity };

MfcIdentityConfirmation.define('mfc-identity-confirmation');
MfcSecurity.define('mfc-security');

declare global {
  interface HTMLElementTagNameMap {
    'mfc-identity-confirmation': MfcIdentityConfirmation;
    'mfc-security': MfcSecurity;
  }
}
