import { MfcCabinet } from './cabinet/cabinet.js';
import { addFeatureContributions } from './features.js';

export { MfcCabinet };

// The cabinet's views and home sections come from the features list.
addFeatureContributions();
MfcCabinet.define('mfc-cabinet');

declare global {
  interface HTMLElementTagNameMap {
    'mfc-cabinet': MfcCabinet;
  }
}
