/**
 * The one file a municipal site loads:
 *
 * ```html
 * <script type="module" src="/mfc-cabinet/mfc-cabinet.js"></script>
 * ```
 *
 * It defines the `mfc-` elements of the features list (`../features.ts`): the `eager` ones
 * (which every page has, and which the CDN build puts in this file with the runtime they
 * share) as it starts, the `in-page` ones when one appears in the page — each is a chunk of
 * its own, loaded relative to this file's URL, as are the rarely needed parts (other
 * languages, the search code, the upload client). The site copies one folder and pastes
 * one tag.
 */
import { clientOf } from '../base/clients.js';
import { addFeatureContributions, features, reservedRoomCss } from '../features.js';

// Room for the elements whose code is still loading (the page's mfc-cabinet.css gives it
// before any script runs; this covers a page without it).
if (typeof document === 'object' && typeof CSSStyleSheet === 'function' && 'adoptedStyleSheets' in document) {
  const room = new CSSStyleSheet();
  room.replaceSync(reservedRoomCss());
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, room];
}

addFeatureContributions();
for (const feature of features) if (feature.bundle === 'eager') void feature.load();

const inPage = features.filter((feature) => feature.bundle === 'in-page');

/** Loads the in-page features `root` holds; stops watching it once all are defined. */
function defineWhatTheRootHolds(root: Document | ShadowRoot, observer?: MutationObserver): void {
  const waiting = inPage.filter((feature) => feature.tags.some((tag) => !customElements.get(tag)));
  for (const feature of waiting) {
    const element = feature.tags.map((tag) => root.querySelector(tag)).find(Boolean);
    if (!element) continue;
    void feature.load();
    if (feature.reads) clientOf(element)?.prepare(...feature.reads);
  }
  if (waiting.length === 0) observer?.disconnect();
}

/**
 * Defines the `mfc-` elements that are or will be in `root`, as `mfc-cabinet.js` does for
 * the page. `document.querySelector` cannot see into shadow roots: a site that puts widgets
 * inside its own element's shadow root calls this once with that root.
 *
 * @example
 * ```js
 * import { defineElementsIn } from '/mfc-cabinet/mfc-cabinet.js';
 * defineElementsIn(this.shadowRoot);
 * ```
 */
export function defineElementsIn(root: Document | ShadowRoot): void {
  defineWhatTheRootHolds(root);
  const observer = new MutationObserver(() => defineWhatTheRootHolds(root, observer));
  observer.observe(root, { childList: true, subtree: true });
}

if (typeof document === 'object') defineElementsIn(document);

// What a page script needs beside the tags; the classes themselves come with the npm package.
export { MfcElement } from '../base/mfc-element.js';
export { clientContext, localeContext } from '../base/context.js';
export { cabinetRoutes } from '../cabinet/cabinet-route.js';
export { homeSections } from '../cabinet/home-sections.js';
export { headerItems } from '../features/header-items.js';
export { registerTranslation, loadTranslation, locales } from '../i18n/registry.js';
export { createCabinetClient, isCabinetError, CabinetError } from '@mfc-cabinet/core';
