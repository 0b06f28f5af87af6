import type { HomeStrings } from './strings.js';

/** English strings of the cabinet's home. */
export const enHome: HomeStrings = {
  homeHeading: 'At a glance',
  homeNavLabel: 'Account sections',
  homeToCatalog: 'Services',
  homeToApplications: 'My applications',
  homeToProfile: 'Profile and security',
  homeLoading: 'Loading your applications…',
  homeOffline: 'No connection — showing saved data.',
  homeEmptyHeading: 'Welcome!',
  homeEmptyLead: 'Your applications, drafts and issued documents will appear here. Start by choosing a service in the catalog.',
  homeEmptyAction: 'Choose a service',
  homeRetry: 'Try again',
  homeLoadFailed: 'This section could not be loaded.',
  homeAll: (count) => `All (${count})`,

  homeNeedsInfoHeading: 'Information requested',
  homeRequestComment: (comment) => `The MFC asks: ${comment}`,
  homeRequestedDocuments: (kinds) => `Documents: ${kinds}`,
  homeRequestedFields: (count) => `Details in the application: ${count} ${count === 1 ? 'field' : 'fields'}`,
  homeAnswer: 'Answer the request',
  homeDraftsHeading: 'Drafts',
  homeDraftSaved: (date) => `Saved ${date}`,
  homeContinue: 'Continue',
  homeInProgressHeading: 'In progress',
  homeExpected: (date) => `Expected by ${date}`,
  homeOpen: 'Details',
  homeResultsHeading: 'Issued documents',
  homeResultIssued: (date, issuedBy) => `Issued ${date}${issuedBy ? ` by ${issuedBy}` : ''}`,
  homeDownload: (name) => `Download ${name}`,
  homeToApplication: 'To the application',

  homeLevelHeading: 'Your account is simplified',
  homeLevelLead: 'Give your passport and SNILS: once the state registries confirm them, the account becomes standard and opens most services online.',
  homeLevelAction: 'Add personal details',
};
