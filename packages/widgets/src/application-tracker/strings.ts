import type { ApplicationStatus, TransitionActor } from '@mfc-cabinet/core';

/**
 * Strings of `<mfc-application-tracker>`. The Russian ones ship with the tracker's module
 * (`strings-ru.ts`), the English ones (`strings-en.ts`) with the English chunk.
 */
export interface TrackerStrings {
  trackerHeading: string;
  /** Instead of the list, when nobody is signed in. */
  trackerSignInFirst: string;
  /** The clear name of a status: «На рассмотрении». */
  trackerStatus: (status: ApplicationStatus) => string;
  trackerLoading: string;
  trackerEmpty: string;
  trackerNothingFound: string;
  trackerFound: (total: number) => string;
  trackerListLabel: string;
  trackerFiltersLabel: string;
  trackerStatusLabel: string;
  trackerAnyStatus: string;
  trackerServiceLabel: string;
  trackerAnyService: string;
  trackerFromLabel: string;
  trackerToLabel: string;
  trackerSearchLabel: string;
  trackerSearchHint: string;
  trackerResetFilters: string;
  trackerNumber: string;
  trackerNoNumber: string;
  trackerSubmitted: string;
  trackerNotSubmitted: string;
  trackerExpected: string;
  trackerUpdated: string;
  trackerLoadingMore: string;
  trackerLoadMoreFailed: string;
  trackerOffline: string;
  trackerOfflineNoData: string;
  trackerExportCsv: string;
  trackerExportPdf: string;
  trackerBack: string;
  trackerDetailLoading: string;
  trackerNotFound: string;
  trackerFacts: string;
  trackerHistory: string;
  /** Who made a step of the history. */
  trackerActor: (actor: TransitionActor, officerName: string | null) => string;
  trackerResults: string;
  trackerNoResults: string;
  trackerRequestHeading: string;
  trackerRequestLead: string;
  trackerRequestedDocument: (kind: string) => string;
  trackerSendAnswer: string;
  trackerSendingAnswer: string;
  trackerAnswerSent: string;
  trackerFieldRequired: string;
  trackerWithdraw: string;
  trackerWithdrawConfirm: (number: string) => string;
  trackerWithdrawYes: string;
  trackerWithdrawNo: string;
  trackerWithdrawing: string;
  trackerWithdrawn: string;
  /** Announced when a refresh brings a new status. */
  trackerStatusChanged: (number: string, status: string) => string;
}
