import type { ApplicationStatus, TransitionActor } from '@mfc-cabinet/core';

/**
 * Strings of what happens next in the detail of an application the МФЦ has still to
 * decide ({@link TrackerNext}): the Russian ones ship with the detail's chunk
 * (`strings-next-ru.ts`), not with the list's.
 */
export interface TrackerNextStrings {
  trackerNextHeading: string;
  /** What the МФЦ does now with an application `submitted` or `in_review`. */
  trackerNextLead: (status: ApplicationStatus) => string;
  /** The expected completion date, already formatted (ДД.ММ.ГГГГ). */
  trackerNextExpected: (date: string) => string;
  /** How the citizen learns of a new status. */
  trackerNextTold: string;
  /** Before the documents the service names, when its result may be collected at an МФЦ office. */
  trackerNextBring: string;
  trackerCopyNumber: string;
  /** Said when the number went to the clipboard. */
  trackerNumberCopied: string;
  /** Said when the clipboard was refused and the number was selected instead. */
  trackerNumberSelected: string;
}

/**
 * Strings of an open application's detail (its facts, history, results, the answer to a
 * request and the withdrawal): the Russian ones ship with the detail's chunk
 * (`strings-next-ru.ts`), not with the list's.
 */
export interface TrackerDetailStrings {
  trackerBack: string;
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
}

/**
 * Strings of what the citizen submitted, in an application's detail: the disclosure and the
 * printable copy are the detail's (Russian in `strings-next-ru.ts`), the answers' own words
 * ship with their part (`strings-submitted-ru.ts`, {@link TrackerSubmittedStrings}).
 */
export interface TrackerCopyStrings {
  /** The disclosure of the answers and documents submitted: «Что вы отправили». */
  trackerSubmittedHeading: string;
  trackerPrintCopy: string;
  trackerPreparingCopy: string;
}

/** Strings of the answers submitted ({@link TrackerSubmitted}), loaded with their part. */
export interface TrackerSubmittedStrings {
  /** A ticked box. */
  trackerYes: string;
  trackerNo: string;
  /** A field left empty. */
  trackerNotGiven: string;
  /** A documents field with no document. */
  trackerNoDocuments: string;
  /** The application was entered in another version of the service's form than the one shown. */
  trackerFormChanged: string;
  /** The accessible name of the answers of a step, `step` its title. */
  trackerAnswersOf: (step: string) => string;
}

/**
 * Strings of `<mfc-application-tracker>`. The Russian ones ship with the tracker's module
 * (`strings-ru.ts`; those of {@link TrackerNextStrings}, {@link TrackerDetailStrings} and {@link TrackerCopyStrings} with its detail's chunk, those of {@link TrackerSubmittedStrings} with the answers' part), the English
 * ones (`strings-en.ts`) with the English chunk.
 */
export interface TrackerStrings extends TrackerNextStrings, TrackerDetailStrings, TrackerCopyStrings, TrackerSubmittedStrings {
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
  trackerDetailLoading: string;
  /** Announced when a refresh brings a new status. */
  trackerStatusChanged: (number: string, status: string) => string;
}
