import type { Application } from '@mfc-cabinet/core';

/**
 * `mfc-application-submit`: the citizen sent the application. Inside `<mfc-cabinet>` it
 * shows in the tracker; a site with its own pages listens for it.
 */
export interface MfcApplicationSubmitDetail {
  /**
   * The application as the server has it now, with its `trackingNumber` and
   * `expectedCompletionDate`; when `queued`, the copy on this device (still a draft, no
   * tracking number yet).
   */
  application: Application;
  /**
   * `true` when there was no connection: the submission waits on this device and goes out
   * by itself, exactly once, when the connection is back.
   */
  queued: boolean;
}

declare module '../base/events.js' {
  interface MfcEventMap {
    'mfc-application-submit': CustomEvent<MfcApplicationSubmitDetail>;
  }
}
