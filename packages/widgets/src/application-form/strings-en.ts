import { englishFieldMessage } from './field-messages-en.js';
import type { ApplicationFormStrings } from './strings.js';

/** English strings of `<mfc-application-form>`; part of the lazily loaded English chunk. */
export const enApplicationForm: ApplicationFormStrings = {
  fieldMessage: englishFieldMessage,
  applicationLoading: 'Loading the application form…',
  applicationLoadFailed: 'The application form could not be loaded.',
  serviceNotFoundForForm: 'There is no such service in the catalogue.',
  serviceClosed: 'This service does not take applications online now. Please contact an MFC office.',
  signInToFill: (level) => `Sign in to your account to fill in the application. Account needed: ${level}.`,
  levelTooLowToApply: (current, required) =>
    `This service needs a ${required} account. Yours is ${current}, so you cannot apply yet.`,
  raiseToStandard:
    'Add your passport and SNILS in your profile: once the state registries confirm them (usually a few minutes), your account becomes standard.',
  raiseToConfirmed:
    'Confirm your identity: come to any MFC with your passport and show the code from your profile (“Account level”) — your account becomes confirmed.',
  requiredLevelName: { simplified: 'any', standard: 'standard or confirmed', confirmed: 'confirmed' },
  raiseLevelLink: 'Raise your account level',

  stepProgress: (step, total) => `Step ${step} of ${total}`,
  stepsLabel: 'Steps of the application',
  stepDone: 'done',
  reviewStepTitle: 'Check your answers',
  reviewLead: 'Check your answers before sending. To correct one, select «Change».',
  draftLead: 'What your profile knows is already filled in: check it. Once you start, we keep saving a draft you can come back to.',
  fromProfile: 'From your profile.',
  resumedDraft: (date) => `You are continuing your draft of ${date}.`,
  optionalField: 'optional',
  selectPlaceholder: 'Choose',
  typeHints: {
    date: 'As DD.MM.YYYY, e.g. 17.05.1990',
    phone: 'For example +7 900 123-45-67',
    email: 'For example ivanov@example.ru',
    passport: 'Series: 4 digits, number: 6 digits, e.g. 45 10 123456',
    snils: '11 digits, e.g. 123-456-789 01',
    inn: '12 digits',
    number: 'Digits only',
  },

  next: 'Continue',
  previous: 'Previous step',
  backToReview: 'Back to checking',
  submitApplication: 'Send the application',
  submitting: 'Sending…',
  change: 'Change',
  changeField: (label) => `Change: ${label}`,
  notFilled: 'Not given',
  yes: 'Yes',
  no: 'No',
  documentCount: (count) => `${count} ${count === 1 ? 'document' : 'documents'}`,
  attachedBefore: 'Attached before',
  removeDocument: (name) => `Remove: ${name}`,
  documentFallbackName: 'Document',

  errorSummaryHeading: 'There is a problem',
  serverErrorsLead: 'The server did not accept the application: correct the answers.',

  saveUnsaved: 'Unsaved changes',
  saveSaving: 'Saving the draft…',
  saveSaved: 'Draft saved',
  saveQueued: 'Saved on this device — we will send it when the connection is back',
  saveFailed: (reason) => `The draft is not saved: ${reason} What you typed stays on the page.`,
  leaveWarning: 'The application has unsaved changes. Leave the page?',

  submittedHeading: 'Application sent',
  trackingNumberLabel: 'Application number',
  expectedDateLabel: 'Result expected by',
  nextStepsHeading: 'What happens next',
  nextSteps: [
    'The authority checks the application and documents. Follow its status in “My applications”.',
    'If more information or documents are needed, we will tell you in your account.',
    'When the result is ready, its status and documents show there too.',
  ],
  queuedHeading: 'The application will be sent when the connection is back',
  queuedText:
    'There is no connection to the server now. The application is saved on this device and goes out by itself, once, as soon as the connection is back. Its number appears after it is sent.',
  submitFailedHeading: 'The application was not sent',
};
