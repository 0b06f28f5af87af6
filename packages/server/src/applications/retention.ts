/** The applications feature's tables at the closure of an account (see `../retention.ts`). */
import type { RetentionOf } from '../retention.js';
import type { ApplicationTables } from './tables.js';

/** How long a submitted application is kept: the МФЦ's case file of a public service. */
const caseFile = {
  keptFor: '5 years after the application’s last change (a region’s archive schedule may set longer)',
  why: 'a submitted application is the МФЦ’s case file of a public service (210-ФЗ): the authority must be able to show what was asked and decided',
} as const;

export const applicationsRetention: RetentionOf<ApplicationTables> = {
  applications: { fate: 'kept', ...caseFile, what: 'submitted applications with their answers; drafts never submitted are deleted' },
  applicationTransitions: { fate: 'kept', ...caseFile, what: 'the history of each kept application; the history of deleted drafts goes with them' },
  trackingCounters: { fate: 'none', why: 'the last tracking number given each year' },
};
