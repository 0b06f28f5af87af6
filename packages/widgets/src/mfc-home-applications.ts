import { MfcHomeApplications } from './application-tracker/home-applications.js';

export { MfcHomeApplications };

MfcHomeApplications.define('mfc-home-applications');

declare global {
  interface HTMLElementTagNameMap {
    'mfc-home-applications': MfcHomeApplications;
  }
}
