import type { AccountLevel, CabinetErrorCode, Locale, OtpChannel, PasswordProblem, PasswordRule } from '@mfc-cabinet/core';
import type { ApplicationFormStrings } from '../application-form/strings.js';
import type { CatalogStrings } from '../service-catalog/strings.js';
import type { TrackerStrings } from '../application-tracker/strings.js';
import type { UploaderStrings } from '../document-uploader/strings.js';
import type { HomeStrings } from '../home/strings.js';
import type { ProfileStrings } from '../profile/strings.js';

/**
 * Every string the widgets show, in one language. Plural forms and values that go into a
 * sentence are functions. Override any of them with `registerTranslation()` for the whole
 * page or with the `strings` property of one element.
 */
export interface Translation extends CommonStrings, AccountStrings, CatalogStrings, UploaderStrings, ApplicationFormStrings, TrackerStrings, HomeStrings, ProfileStrings {}

/** Strings of sign-in and of every widget; they ship with the entry. */
export interface CommonStrings {
  locale: Locale;
  /** Message for each error code of the SDK. */
  errors: Record<CabinetErrorCode, string>;
  accountLevel: Record<AccountLevel, string>;

  loginHeading: string;
  identifierLabel: string;
  identifierHint: string;
  identifierRequired: string;
  identifierInvalid: string;
  passwordLabel: string;
  passwordRequired: string;
  showPassword: string;
  hidePassword: string;
  signIn: string;
  signingIn: string;
  checkingSession: string;
  attemptsLeft: (count: number) => string;
  lockedHeading: string;
  lockedFor: (duration: string) => string;
  lockedOver: string;

  codeHeading: string;
  codeSent: (channel: OtpChannel, destination: string) => string;
  codeLabel: string;
  codeHint: string;
  codeRequired: string;
  codeInvalid: (attemptsLeft: number) => string;
  confirm: string;
  confirming: string;
  resendIn: (duration: string) => string;
  resendCode: string;
  resendingCode: string;
  codeResent: string;
  /** A refusal for too many requests that says when to try again: `duration` as a countdown reads it (`59:30`, `1:00:00`). */
  rateLimitedFor: (duration: string) => string;
  changeLogin: string;
  startOver: string;

  accountHeading: string;
  signedInAs: (name: string) => string;
  accountLevelLabel: string;
  signOut: string;
  signingOut: string;
  /** Before signing out with writes made offline not yet sent: they would be deleted from this device. */
  unsentWarning: (count: number) => string;
  signOutAnyway: string;
  /** `<mfc-cabinet>`: back from a service's form or an application to the cabinet. */
  cabinetBack: string;
  signedOutOtherTab: string;
  sessionExpired: string;
  retry: string;
  errorHeading: string;
  forgotPassword: string;
  register: string;
  passwordChanged: string;
  security: string;
  sessionWarningHeading: string;
  sessionWarningText: (duration: string) => string;
  staySignedIn: string;
  signOutNow: string;

}

/**
 * Strings of registration and password recovery. The Russian ones ship with those forms'
 * module (loaded when the citizen opens them), the English ones with the English chunk.
 */
export interface AccountStrings {
  temporaryPasswordHeading: string;
  temporaryPasswordLead: string;
  savePasswordAndSignIn: string;
  securityHeading: string;
  sessionsHeading: string;
  sessionsLoading: string;
  thisDevice: string;
  placeUnknown: string;
  signedInAt: (date: string) => string;
  lastActiveAt: (date: string) => string;
  endSession: string;
  endOtherSessions: string;
  endingSessions: string;
  otherSessionsEnded: (count: number) => string;
  noOtherSessions: string;
  identityHeading: string;
  identityLead: string;
  identityNeedsStandard: string;
  identityConfirmed: string;
  identityStart: string;
  identityStarting: string;
  identityShowCode: string;
  identityCodeExpiresIn: (duration: string) => string;
  identityExpired: string;
  identityQrAlt: (code: string) => string;
  back: string;
  changePhone: string;
  changeIdentifier: string;
  startAgain: string;
  resetExpired: string;
  backToLogin: string;
  /** New passwords (registration, recovery). */
  newPasswordLabel: string;
  newPasswordRequired: string;
  passwordRepeatLabel: string;
  passwordMismatch: string;
  /** The repeat of a new password left empty. */
  passwordRepeatRequired: string;
  passwordRulesTitle: string;
  passwordRule: Record<PasswordRule, string>;
  /** Messages for refused passwords, by field-error code. */
  passwordProblem: Record<PasswordProblem, string>;
  ruleMet: string;
  ruleNotMet: string;

  registrationHeading: string;
  stepOf: (step: number, total: number) => string;
  phoneLabel: string;
  phoneHint: string;
  phoneRequired: string;
  phoneInvalid: string;
  emailLabel: string;
  emailHint: string;
  emailInvalid: string;
  consentLabel: string;
  consentRequired: string;
  consentOutdated: string;
  consentTextToggle: string;
  getCode: string;
  sendingCode: string;
  phoneCodeHeading: string;
  emailCodeHeading: string;
  skipEmail: string;
  personalDataHeading: string;
  personalDataLead: string;
  lastNameLabel: string;
  firstNameLabel: string;
  middleNameLabel: string;
  middleNameHint: string;
  nameRequired: string;
  nameInvalid: string;
  birthDateLabel: string;
  birthDateInvalid: string;
  birthDateTooYoung: string;
  passportLabel: string;
  passportHint: string;
  passportInvalid: string;
  passportIssuedAtLabel: string;
  passportIssuedAtInvalid: string;
  passportIssuedByLabel: string;
  snilsLabel: string;
  snilsHint: string;
  snilsInvalid: string;
  innLabel: string;
  innHint: string;
  innInvalid: string;
  registrationAddressLabel: string;
  registrationAddressHint: string;
  optional: string;
  saveAndCheck: string;
  saving: string;
  fillLater: string;
  registeredHeading: string;
  registeredLead: string;
  registryPending: string;
  registryVerified: string;
  registryRejected: (reason: string) => string;
  registryNotSubmitted: string;
  toCabinet: string;

  recoveryHeading: string;
  recoveryLead: string;
  recoveryCodeHeading: string;
  recoveryCodeSent: string;
  newPasswordHeading: string;
  savePassword: string;
  savingPassword: string;
  passwordChangedHeading: string;
  passwordChangedLead: string;
  signInWithNewPassword: string;
}

/** What may be overridden: any string, and any single error message. */
type NestedKeys = 'errors' | 'accountLevel' | 'passwordRule' | 'passwordProblem';

export type TranslationOverrides = Partial<Omit<Translation, 'locale' | NestedKeys>> & {
  [K in NestedKeys]?: Partial<Translation[K]>;
};

/** Merges overrides into a translation (or into other overrides); nested maps key by key. */
export function mergeTranslation<T extends TranslationOverrides>(
  base: T,
  ...overrides: Array<TranslationOverrides | undefined>
): T {
  let merged = base;
  for (const override of overrides) {
    if (!override) continue;
    merged = {
      ...merged,
      ...override,
      errors: { ...merged.errors, ...override.errors },
      accountLevel: { ...merged.accountLevel, ...override.accountLevel },
      passwordRule: { ...merged.passwordRule, ...override.passwordRule },
      passwordProblem: { ...merged.passwordProblem, ...override.passwordProblem },
    };
  }
  return merged;
}

/** `m:ss` for a number of seconds, as a countdown reads. */
export function formatCountdown(seconds: number): string {
  const total = Math.max(0, Math.ceil(seconds));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const rest = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}
