import type { TemplateResult } from 'lit';
import type { CabinetRoute } from './cabinet-route.js';
import type { MfcCabinet } from './cabinet.js';
import { routeLink } from './route-link.js';

/** The cabinet's view of the profile (`?mfc=profile`), which every link to the profile opens. */
export const profileView: CabinetRoute = { view: 'profile' };

/** The `<mfc-cabinet>` `element` is in: placed in it, or rendered in its shadow root (or deeper). */
export function cabinetAround(element: Element): MfcCabinet | undefined {
  for (let node: Element | undefined = element; node; node = (node.getRootNode() as ShadowRoot).host) {
    const cabinet = node.closest<MfcCabinet>('mfc-cabinet');
    if (cabinet) return cabinet;
  }
  return undefined;
}

/**
 * Inside `<mfc-cabinet>`, the primary action of a citizen whose account level is too low: a
 * link to the profile, which says what raises the level. `undefined` outside a cabinet.
 */
export function profileLink(element: Element, label: string): TemplateResult | undefined {
  const cabinet = cabinetAround(element);
  return cabinet && routeLink(cabinet, profileView, label, { part: 'button primary-button profile-link', className: 'button primary' });
}
