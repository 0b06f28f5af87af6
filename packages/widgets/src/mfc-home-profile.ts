import { MfcHomeProfile } from './profile/home-profile.js';

export { MfcHomeProfile };

MfcHomeProfile.define('mfc-home-profile');

declare global {
  interface HTMLElementTagNameMap {
    'mfc-home-profile': MfcHomeProfile;
  }
}
