/**
 * The cabinet's views of the catalog and of the security settings, contributed by their
 * entries in the features list, so that the home (and any widget) links to them:
 * `?mfc=catalog` shows the catalog — the one the page placed in the cabinet, if there is
 * one —, `?mfc=security` the sessions and the account's security, and `?mfc=profile` the
 * citizen's profile (the one the page placed, if any). {@link pageView}
 * makes such a view of one word.
 */
import { html } from 'lit';
import { defineRoute, type CabinetRouteContribution, type CabinetRouteParams, type CabinetView } from '../cabinet/cabinet-route.js';
import type { MfcCabinet } from '../cabinet/cabinet.js';

declare module '../cabinet/cabinet-route.js' {
  interface CabinetRouteParams {
    catalog: Record<never, never>;
    security: Record<never, never>;
    profile: Record<never, never>;
  }
}

/** The views whose URL value is their name alone. */
type PageView = { [V in CabinetView]: CabinetRouteParams[V] extends Record<never, never> ? (keyof CabinetRouteParams[V] extends never ? V : never) : never }[CabinetView];

/**
 * A view without parameters (`?mfc=<id>`) showing `render()`; with `placed`, an element of
 * that tag the page put in the cabinet shows it instead, where it is (scrolled to, and
 * `routed` called with it).
 */
export function pageView(
  id: PageView,
  load: () => Promise<unknown>,
  render: () => unknown,
  placed?: string,
  routed?: (element: Element) => void,
): CabinetRouteContribution {
  const find = (cabinet: MfcCabinet) => (placed ? cabinet.querySelector(placed) : null);
  return defineRoute({
    id,
    parse: (value) => (value === id ? {} : undefined),
    format: () => id,
    load,
    render: (_params, { cabinet }) => (find(cabinet) ? undefined : render()),
    routed: (params, { cabinet }) => {
      const element = params && find(cabinet);
      if (!element) return;
      routed?.(element);
      element.scrollIntoView({ block: 'start' });
    },
  });
}

export const catalogRoute = pageView(
  'catalog',
  () => import('../mfc-service-catalog.js'),
  () => html`<mfc-service-catalog heading-level="2"></mfc-service-catalog>`,
  'mfc-service-catalog',
);

// The cabinet's own «Назад» leads back: the element's own is hidden.
export const securityRoute = pageView(
  'security',
  () => import('../mfc-security.js'),
  () => html`<mfc-security heading-level="2" no-back></mfc-security>`,
);

// The cabinet's own «Назад» leads back. After «Это был не я» and a new password, the
// profile leads to sign-in: the home, where the sign-in form is.
export const profileRoute = defineRoute({
  ...pageView('profile', () => import('../mfc-profile.js'), () => html`<mfc-profile heading-level="2"></mfc-profile>`, 'mfc-profile'),
  events: {
    'mfc-navigate': (event, cabinet) => {
      const { to } = (event as CustomEvent<{ to: string }>).detail;
      if (to === 'login' && cabinet.route.view === 'profile') cabinet.navigate({ view: 'home' });
    },
  },
});
