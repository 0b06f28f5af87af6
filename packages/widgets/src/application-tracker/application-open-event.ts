/** `mfc-application-open`: the tracker opened an application, or went back to the list (`applicationId: null`). */
export interface MfcApplicationOpenDetail {
  applicationId: string | null;
}

declare module '../base/events.js' {
  interface MfcEventMap {
    'mfc-application-open': CustomEvent<MfcApplicationOpenDetail>;
  }
}
