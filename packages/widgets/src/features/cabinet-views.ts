/**
 * The cabinet's views of the catalog and of the security settings, contributed by their
 * entries in the features list, so that the home (and any widget) links to them:
 * `?mfc=catalog` shows the catalog — the one the page placed in the cabinet, if there is
 * one — and `?mfc=security` the sessions and the account's security.
 */
import { html } from 'lit';
import { defineRoute, type CabinetRoute } from '../cabinet/cabinet-route.js';
import type { MfcCabinet } from '../cabinet/cabinet.js';

declare module '../cabinet/cabinet-route.js' {
  interface CabinetRouteParams {
    catalog: Record<never, never>;
    security: Record<never, never>;
  }
}

const placedCatalog = (cabinet: MfcCabinet): HTMLElement | null => cabinet.querySelector('mfc-service-catalog');

export const catalogRoute = defineRoute({
  id: 'catalog',
  parse: (value) => (value === 'catalog' ? {} : undefined),
  format: () => 'catalog',
  load: () => import('../mfc-service-catalog.js'),
  // A catalog the page placed in the cabinet is shown where it is.
  render: (_params, { cabinet }) => (placedCatalog(cabinet) ? undefined : html`<mfc-service-catalog heading-level="2"></mfc-service-catalog>`),
  routed: (params, { cabinet }) => {
    if (params) placedCatalog(cabinet)?.scrollIntoView({ block: 'start' });
  },
});

export const securityRoute = defineRoute({
  id: 'security',
  parse: (value) => (value === 'security' ? {} : undefined),
  format: () => 'security',
  load: () => import('../mfc-security.js'),
  // The cabinet's own «Назад» leads back: the element's own is hidden.
  render: () => html`<mfc-security heading-level="2" no-back></mfc-security>`,
});

/**
 * Where «Профиль» leads. `<mfc-profile>` does not exist yet: until it does (with its own
 * `profile` route), the profile link opens the security settings.
 */
export const profileLinkRoute: CabinetRoute = { view: 'security' };
