/**
 * The one file a municipal site loads:
 *
 * ```html
 * <script type="module" src="/mfc-cabinet/mfc-cabinet.js"></script>
 * ```
 *
 * It registers every `mfc-` element. The views sign-in leads to (registration, recovery,
 * security) are defined when one appears in the page, as the sign-in form loads them when
 * it opens them; rarely needed parts (other languages, the search code, the upload client)
 * are sibling chunks loaded on demand, relative to this file's URL, so the site copies one
 * folder and pastes one tag.
 */
import '../mfc-cabinet.js';
import '../mfc-login-form.js';
import '../mfc-service-catalog.js';
import '../mfc-application-form.js';
import '../mfc-application-tracker.js';
import '../mfc-document-uploader.js';

const onDemand: Record<string, () => Promise<unknown>> = {
  'mfc-registration-form': () => import('../mfc-registration-form.js'),
  'mfc-password-recovery': () => import('../mfc-password-recovery.js'),
  'mfc-security': () => import('../mfc-security.js'),
};

/** Loads the elements of `onDemand` the page holds; stops watching once all are defined. */
function defineWhatThePageHolds(observer?: MutationObserver): void {
  const waiting = Object.entries(onDemand).filter(([tag]) => !customElements.get(tag));
  for (const [tag, load] of waiting) if (document.querySelector(tag)) void load();
  if (waiting.length === 0) observer?.disconnect();
}

if (typeof document === 'object') {
  defineWhatThePageHolds();
  const observer = new MutationObserver(() => defineWhatThePageHolds(observer));
  observer.observe(document.documentElement, { childList: true, subtree: true });
}

// What a page script needs beside the tags; the classes themselves come with the npm package.
export { MfcElement } from '../base/mfc-element.js';
export { clientContext, localeContext } from '../base/context.js';
export { registerTranslation, loadTranslation, locales } from '../i18n/registry.js';
export { createCabinetClient, isCabinetError, CabinetError } from '@mfc-cabinet/core';
