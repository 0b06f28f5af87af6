import type { AccountLevel, CabinetErrorCode, Locale, OtpChannel } from '@mfc-cabinet/core';

/**
 * Every string the widgets show, in one language. Plural forms and values that go into a
 * sentence are functions. Override any of them with `registerTranslation()` for the whole
 * page or with the `strings` property of one element.
 */
export interface Translation {
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
  changeLogin: string;
  startOver: string;

  accountHeading: string;
  signedInAs: (name: string) => string;
  accountLevelLabel: string;
  signOut: string;
  signingOut: string;
  signedOutOtherTab: string;
  sessionExpired: string;
  retry: string;
  errorHeading: string;
}

/** What may be overridden: any string, and any single error message. */
export type TranslationOverrides = Partial<Omit<Translation, 'locale' | 'errors' | 'accountLevel'>> & {
  errors?: Partial<Translation['errors']>;
  accountLevel?: Partial<Translation['accountLevel']>;
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
