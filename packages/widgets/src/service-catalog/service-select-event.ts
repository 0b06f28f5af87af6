import type { Service, ServiceSummary } from '@mfc-cabinet/core';

/**
 * `mfc-service-select`: the citizen pressed «Подать заявление» on a service's card. Inside
 * `<mfc-cabinet>` it opens the service's application form; a site with its own pages listens
 * for it and goes to its form page.
 */
export interface MfcServiceSelectDetail {
  serviceId: string;
  /**
   * The service in full (description, documents, form) once its card has loaded it; as the
   * catalog lists it when the card could not load more (offline).
   */
  service: Service | ServiceSummary;
}

declare module '../base/events.js' {
  interface MfcEventMap {
    'mfc-service-select': CustomEvent<MfcServiceSelectDetail>;
  }
}
