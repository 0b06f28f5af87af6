import { MfcHeaderItems } from './features/header-items.js';

export { MfcHeaderItems };

MfcHeaderItems.define('mfc-header-items');

declare global {
  interface HTMLElementTagNameMap {
    'mfc-header-items': MfcHeaderItems;
  }
}
