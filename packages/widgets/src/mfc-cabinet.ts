import { MfcCabinet } from './cabinet/cabinet.js';

export { MfcCabinet };

MfcCabinet.define('mfc-cabinet');

declare global {
  interface HTMLElementTagNameMap {
    'mfc-cabinet': MfcCabinet;
  }
}
