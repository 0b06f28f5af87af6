import { MfcApplicationTracker } from './application-tracker/application-tracker.js';

export { MfcApplicationTracker };
export type { MfcApplicationOpenDetail } from './application-tracker/application-tracker.js';

MfcApplicationTracker.define('mfc-application-tracker');

declare global {
  interface HTMLElementTagNameMap {
    'mfc-application-tracker': MfcApplicationTracker;
  }
}
