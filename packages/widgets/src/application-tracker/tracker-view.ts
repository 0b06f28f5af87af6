import type { ApplicationStatus, ApplicationSummary, CabinetClient, CabinetError } from '@mfc-cabinet/core';
import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { isOffline } from '../base/errors.js';
import { dateFormat, formatDateTime } from '../base/format.js';
import type { Translation } from '../i18n/translation.js';

/**
 * What the parts of `<mfc-application-tracker>` (list, detail, answer) take from the
 * element: its client, strings and language, and the one action at a time of its form.
 */
export interface TrackerContext {
  readonly host: ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment; readonly isConnected: boolean };
  client(): CabinetClient;
  t(): Translation;
  locale(): string;
  /** The signed-in account, `undefined` when nobody is signed in: the list and the detail are watched afresh for each. */
  account(): string | undefined;
  /** Nobody is signed in (known, not merely not known yet): nothing is asked, an invitation to sign in shows. */
  signedOut(): boolean;
  /** Reports a failure shown (`mfc-error`). */
  failed(error: CabinetError, action: string): void;
  /** The last look at the server failed for want of a network (or, `false`, it did not). */
  setOffline(offline: boolean): void;
  isOffline(): boolean;
  /** Tells screen readers (the announcer). */
  announce(text: string): void;
  /** Shows a message above the tracker (`undefined` hides it). */
  say(message: string | undefined): void;
  /** Focuses the element matching `selector` in the shadow root after the next render. */
  focusLater(selector: string): void;
  busy(): string | undefined;
  run(name: string, work: () => Promise<void>): void;
  fieldErrors(): Partial<Record<string, string>>;
  showFieldErrors(errors: Record<string, string>): boolean;
  clearFieldError(field: string): void;
}

export const statuses: readonly ApplicationStatus[] = ['draft', 'submitted', 'in_review', 'needs_info', 'approved', 'ready_for_issue', 'completed', 'rejected', 'withdrawn'];

/**
 * A mark beside each status's name, so that a status never reads by its colour alone: the
 * path of a 16×16 inline SVG drawn with the text's colour (`.mark`), not a character, which
 * the reader's fonts may lack.
 */
const statusMarks: Record<ApplicationStatus, string> = {
  // A pencil.
  draft: 'M3 13l1-4 7-7 3 3-7 7z',
  // An arrow, sent on.
  submitted: 'M2 8h11M9 4l4 4-4 4',
  // An hourglass.
  in_review: 'M4 2h8L4 14h8z',
  // An exclamation mark.
  needs_info: 'M8 2v8m0 4v0',
  // A tick.
  approved: 'M2 8l4 4 8-8',
  // A flag.
  ready_for_issue: 'M3 15V2h10l-3 3 3 3H3',
  // A tick in a box.
  completed: 'M2 2h12v12H2zM5 8l2 2 4-4',
  // A cross.
  rejected: 'M3 3l10 10M13 3L3 13',
  // An arrow turning back.
  withdrawn: 'M6 3L2 7l4 4M2 7h12v6',
};

/** Dates as everywhere in the kit: «17.06.2026» (in English 17/06/2026). */
const dateOnly: Intl.DateTimeFormatOptions = { dateStyle: 'short' };
/** A calendar date (`YYYY-MM-DD` read as midnight UTC), the same day wherever the citizen is. */
const calendarDay: Intl.DateTimeFormatOptions = { dateStyle: 'short', timeZone: 'UTC' };

export const formatDate = (locale: string, iso: string): string => dateFormat(locale, dateOnly).format(new Date(iso));

/** A calendar date (`YYYY-MM-DD`), the same day wherever the citizen is; «—» without one. */
export const formatDay = (locale: string, day: string | null): string =>
  day ? dateFormat(locale, calendarDay).format(new Date(`${day}T00:00:00Z`)) : '—';

export { formatDateTime };

/** A status: its mark and its name. */
export const statusBadge = (t: Translation, status: ApplicationStatus): TemplateResult =>
  html`<span part="status-badge" class="badge status-${status}"
    ><svg class="mark" viewBox="0 0 16 16" aria-hidden="true"><path d=${statusMarks[status]}></path></svg> ${t.trackerStatus(status)}</span
  >`;

/** What the announcer says of an application whose status changed. */
export const statusChanged = (t: Translation, item: Pick<ApplicationSummary, 'trackingNumber' | 'serviceTitle' | 'status'>): string =>
  t.trackerStatusChanged(item.trackingNumber ?? item.serviceTitle, t.trackerStatus(item.status));

/**
 * A failure of a watched read (the list, the detail): for want of a network, the offline
 * notice over what was saved; otherwise the error. Reported (`mfc-error`) once, not at every
 * poll. Returns the error to show now, `shown` the one shown before.
 */
export function readFailed(context: TrackerContext, failure: CabinetError, shown: CabinetError | undefined, saved: boolean, action: string): CabinetError | undefined {
  const offline = isOffline(failure);
  const known = offline ? context.isOffline() : shown?.code === failure.code;
  if (offline) context.setOffline(true);
  if (!known) context.failed(failure, action);
  context.host.requestUpdate();
  return offline && saved ? shown : failure;
}
