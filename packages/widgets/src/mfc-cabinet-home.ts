import { MfcCabinetHome } from './home/home.js';

export { MfcCabinetHome };

MfcCabinetHome.define('mfc-cabinet-home');

declare global {
  interface HTMLElementTagNameMap {
    'mfc-cabinet-home': MfcCabinetHome;
  }
}
