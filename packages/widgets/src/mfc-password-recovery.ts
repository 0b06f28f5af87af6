import { MfcPasswordRecovery } from './password-recovery/password-recovery.js';

export { MfcPasswordRecovery };

MfcPasswordRecovery.define('mfc-password-recovery');

declare global {
  interface HTMLElementTagNameMap {
    'mfc-password-recovery': MfcPasswordRecovery;
  }
}
