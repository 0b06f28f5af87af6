/**
 * Strings of the cabinet's home (`<mfc-cabinet-home>`) and of the sections the features
 * contribute to it. The Russian ones ship with the home's chunk (`strings-ru.ts`), the
 * English ones (`strings-en.ts`) with the English chunk.
 */
export interface HomeStrings {
  homeHeading: string;
  /** The label of the links to the cabinet's views. */
  homeNavLabel: string;
  homeToCatalog: string;
  homeToApplications: string;
  /** The link to the citizen's profile (which has the security settings). */
  homeToProfile: string;
  homeLoading: string;
  homeOffline: string;
  homeEmptyHeading: string;
  homeEmptyLead: string;
  homeEmptyAction: string;
  homeRetry: string;
  homeLoadFailed: string;
  homeAll: (count: number) => string;

  homeNeedsInfoHeading: string;
  /** What the МФЦ wrote when it asked, «МФЦ просит: …». */
  homeRequestComment: (comment: string) => string;
  homeRequestedDocuments: (kinds: string) => string;
  homeRequestedFields: (count: number) => string;
  homeAnswer: string;
  homeDraftsHeading: string;
  homeDraftSaved: (date: string) => string;
  homeContinue: string;
  homeInProgressHeading: string;
  homeExpected: (date: string) => string;
  homeOpen: string;
  homeResultsHeading: string;
  homeResultIssued: (date: string, issuedBy: string | null) => string;
  homeDownload: (name: string) => string;
  homeToApplication: string;

  /** The section of a «simplified» account: what raises it, and the way to the profile. */
  homeLevelHeading: string;
  homeLevelLead: string;
  homeLevelAction: string;
}
