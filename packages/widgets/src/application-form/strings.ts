import type { AccountLevel, FormField } from '@mfc-cabinet/core';
import type { FieldMessage } from '../base/form-field.js';

/**
 * Strings of `<mfc-application-form>`. The Russian ones ship with the form's module
 * (`strings-ru.ts`), the English ones (`strings-en.ts`) with the English chunk. The Russian
 * messages of field errors are not here: they come from the validation shared with the server
 * (`validateValues` of `@mfc-cabinet/core`); `fieldMessage` says them in another language.
 */
export interface ApplicationFormStrings {
  /** A field error in this language, from its code and field; without it, the Russian message of the check. */
  fieldMessage?: FieldMessage;
  applicationLoading: string;
  applicationLoadFailed: string;
  serviceNotFoundForForm: string;
  /** The service takes no applications online now. */
  serviceClosed: string;
  signInToFill: (level: string) => string;
  /** «Для этой услуги нужна учётная запись: стандартная. Ваша — упрощённая.» */
  levelTooLowToApply: (current: string, required: string) => string;
  raiseToStandard: string;
  raiseToConfirmed: string;
  /** The required account level, as it reads in the sentence above. */
  requiredLevelName: Record<AccountLevel, string>;
  /** Inside `<mfc-cabinet>`, the link to the profile when the account level is too low. */
  raiseLevelLink: string;

  /** The progress: «Шаг 2 из 4». */
  stepProgress: (step: number, total: number) => string;
  stepsLabel: string;
  stepDone: string;
  reviewStepTitle: string;
  reviewLead: string;
  /** Before the draft exists: what happens once the citizen starts. */
  draftLead: string;
  /** Before a field's hint, when its value came from the profile. */
  fromProfile: string;
  resumedDraft: (date: string) => string;
  optionalField: string;
  selectPlaceholder: string;
  /** Hints of the field types that have a format, when the field has no hint of its own. */
  typeHints: Partial<Record<FormField['type'], string>>;

  next: string;
  previous: string;
  backToReview: string;
  submitApplication: string;
  submitting: string;
  change: string;
  /** The accessible name of a «Изменить» link: «Изменить: Дата рождения». */
  changeField: (label: string) => string;
  notFilled: string;
  yes: string;
  no: string;
  /** «2 документа». */
  documentCount: (count: number) => string;
  attachedBefore: string;
  removeDocument: (name: string) => string;
  documentFallbackName: string;

  errorSummaryHeading: string;
  /** The summary of errors the server found, for fields on other steps. */
  serverErrorsLead: string;

  saveUnsaved: string;
  saveSaving: string;
  saveSaved: string;
  saveQueued: string;
  /** The draft could not be saved: why, and that what was typed stays on the page. */
  saveFailed: (reason: string) => string;
  /** Shown by the browser's own dialog only in some browsers (most show their own text). */
  leaveWarning: string;

  submittedHeading: string;
  trackingNumberLabel: string;
  expectedDateLabel: string;
  nextStepsHeading: string;
  nextSteps: string[];
  queuedHeading: string;
  queuedText: string;
  submitFailedHeading: string;
}
