import { MfcServiceCatalog } from './service-catalog/service-catalog.js';

export { MfcServiceCatalog };
export type { MfcServiceSelectDetail } from './service-catalog/service-catalog.js';

MfcServiceCatalog.define('mfc-service-catalog');

declare global {
  interface HTMLElementTagNameMap {
    'mfc-service-catalog': MfcServiceCatalog;
  }
}
