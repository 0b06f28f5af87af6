/**
 * The cabinet's views of the application form and the tracker, contributed by their
 * entries in the features list: «Подать заявление» in the catalog opens the service's
 * form (`apply:<serviceId>`), and a sent application opens in the tracker
 * (`application:<id>`) — in a tracker the page placed in the cabinet, if there is one; the
 * list of applications is `applications`.
 */
import { html, nothing } from 'lit';
import { argumentOf, defineRoute } from '../cabinet/cabinet-route.js';
import type { MfcCabinet } from '../cabinet/cabinet.js';
import { pageView } from './cabinet-views.js';

declare module '../cabinet/cabinet-route.js' {
  interface CabinetRouteParams {
    /** `applicationId`: a draft to continue (else the citizen's latest draft of the service). */
    apply: { serviceId: string; applicationId?: string };
    /** The list of the citizen's applications. */
    applications: Record<never, never>;
    application: {
      applicationId: string;
      /** Set when the form has just sent (or queued) it: said over the tracker until the next navigation. */
      submitted?: { trackingNumber: string | null; queued: boolean };
    };
  }
}

export const applyRoute = defineRoute({
  id: 'apply',
  // `apply:<serviceId>`, or `apply:<serviceId>:<applicationId>` for a draft to continue.
  parse: (value) => {
    const [serviceId, applicationId] = (argumentOf(value, 'apply') ?? '').split(':', 2);
    if (!serviceId) return undefined;
    return applicationId ? { serviceId, applicationId } : { serviceId };
  },
  format: ({ serviceId, applicationId }) => `apply:${serviceId}${applicationId ? `:${applicationId}` : ''}`,
  load: () => import('../mfc-application-form.js'),
  render: ({ serviceId, applicationId }) =>
    html`<mfc-application-form service-id=${serviceId} application-id=${applicationId ?? nothing}></mfc-application-form>`,
  events: {
    'mfc-service-select': (event, cabinet) => {
      const { serviceId } = (event as CustomEvent<{ serviceId: string }>).detail;
      cabinet.navigate({ view: 'apply', serviceId });
    },
    'mfc-application-submit': (event, cabinet) => {
      const { application, queued } = (event as CustomEvent<{ application: { id: string; trackingNumber: string | null }; queued: boolean }>).detail;
      // The form's address is replaced by the application's: Back does not reopen a sent form.
      const submitted = { trackingNumber: application.trackingNumber, queued };
      cabinet.navigate({ view: 'application', applicationId: application.id, submitted }, { replace: true });
    },
  },
});

const placedTracker = (cabinet: MfcCabinet): HTMLElement | null => cabinet.querySelector('mfc-application-tracker');

export const applicationRoute = defineRoute({
  id: 'application',
  parse: (value) => {
    const applicationId = argumentOf(value, 'application');
    return applicationId ? { applicationId } : undefined;
  },
  format: ({ applicationId }) => `application:${applicationId}`,
  load: () => import('../mfc-application-tracker.js'),
  render: ({ applicationId, submitted }, { cabinet, t }) => {
    // An application opens in a tracker the page placed in the cabinet, if there is one.
    if (placedTracker(cabinet)) return undefined;
    return html`${submitted
        ? html`<p part="notice" class="notice" role="status">
            ${submitted.queued ? t.queuedHeading : `${t.submittedHeading}${submitted.trackingNumber ? `: ${submitted.trackingNumber}` : ''}`}
          </p>`
        : nothing}
      <mfc-application-tracker application-id=${applicationId}></mfc-application-tracker>`;
  },
  routed: (params, { cabinet }) => {
    const tracker = placedTracker(cabinet);
    if (!tracker) return;
    if (params) tracker.setAttribute('application-id', params.applicationId);
    else tracker.removeAttribute('application-id');
  },
  events: {
    /** A tracker the page placed in the cabinet opened an application or went back to its list: into the address. */
    'mfc-application-open': (event, cabinet) => {
      if (event.composedPath().some((node) => node instanceof Element && node.getRootNode() === cabinet.renderRoot)) return;
      const { applicationId } = (event as CustomEvent<{ applicationId: string | null }>).detail;
      const { route } = cabinet;
      const current = route.view === 'application' ? route.applicationId : null;
      if (applicationId !== current) cabinet.navigate(applicationId ? { view: 'application', applicationId } : { view: 'home' });
    },
  },
});

export const applicationsRoute = pageView(
  'applications',
  () => import('../mfc-application-tracker.js'),
  () => html`<mfc-application-tracker heading-level="2"></mfc-application-tracker>`,
  // A tracker the page placed in the cabinet shows its list where it is.
  'mfc-application-tracker',
  (tracker) => tracker.removeAttribute('application-id'),
);
