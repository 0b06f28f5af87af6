/**
 * Strings of the citizen's profile (`<mfc-profile>` and its sections). The Russian ones ship
 * with the profile's chunk (`strings-ru.ts`), the English ones (`strings-en.ts`) with the
 * English chunk. The profile also uses the account strings (labels of personal data,
 * passwords, codes).
 */
import type { AccountLevel, ProfileChangeKind, SignIn } from '@mfc-cabinet/core';

export interface ProfileStrings {
  profileHeading: string;
  profileContentsLabel: string;
  profileLoading: string;
  profileSignInFirst: string;
  profileNotGiven: string;
  /** A change of sign-in with a code in the history: the channel, or `off` for none. */
  profileFactorValue: { sms: string; email: string; off: string };
  profileChange: string;
  profileAdd: string;
  profileCancel: string;
  profileSave: string;
  profileLoadingList: string;
  profileListFailed: string;
  profileShowMore: string;
  profileCurrentPasswordLabel: string;
  profileCurrentPasswordHint: string;
  profileWrongPassword: string;

  profilePersonalHeading: string;
  profilePersonalEmpty: string;
  profilePersonalFill: string;
  profilePersonalEditLead: string;
  profileNameLabel: string;
  profilePassportIssued: (date: string) => string;

  profileContactsHeading: string;
  profileNewPhoneHeading: string;
  profileNewPhoneLead: string;
  profileNewPhoneLabel: string;
  profileNewPhoneCodeHeading: string;
  profileNewEmailHeading: string;
  profileNewEmailLead: string;
  profileNewEmailLabel: string;
  profileNewEmailCodeHeading: string;
  profilePhoneChanged: string;
  profileEmailChanged: string;

  profileLevelHeading: string;
  profileLevelNow: (level: string) => string;
  profileLevelName: Record<AccountLevel, string>;
  profileLevelGives: Record<AccountLevel, string>;
  profileLevelYours: string;
  profileLevelReached: string;
  /** How many services of the catalog are open at a level, and some that need it. */
  profileLevelServices: (count: number, examples: readonly string[]) => string;
  profileRaiseToStandard: string;
  profileRaiseToStandardLead: string;
  profileFixPersonalData: string;
  profileRaiseToConfirmed: string;

  profileSecurityHeading: string;
  profilePasswordHeading: string;
  profilePasswordChange: string;
  profileEndOtherSessions: string;
  profilePasswordChanged: (endedSessions: number) => string;
  profileSecondFactorHeading: string;
  profileSecondFactorLead: string;
  profileSecondFactorNow: string;
  profileSecondFactorOff: string;
  profileSecondFactorSms: (phone: string) => string;
  profileSecondFactorEmail: (email: string) => string;
  profileSecondFactorEmailNone: string;
  profileSecondFactorNoEmail: string;
  profileSecondFactorChoose: string;
  profileSecondFactorTurnedOn: string;
  profileSecondFactorTurnedOff: string;
  profileSignInsHeading: string;
  profileSignInsEmpty: string;
  profileSignInOutcome: Record<SignIn['outcome'], string>;

  profileHistoryHeading: string;
  profileHistoryLead: string;
  profileHistoryEmpty: string;
  profileChangeKind: Record<ProfileChangeKind, string>;
  /** The name of a field of a change: `lastName`, `passport.number`, `phone`… */
  profileFieldName: (field: string) => string;
  profileReported: string;
  profileNotMe: string;
  profileNotMeQuestion: string;
  profileNotMeExplained: string;
  profileNotMeConfirm: string;
  profileNotMeDoneHeading: string;
  profileNotMeDone: string;
  profileNotMeNoCode: string;

  profileDataHeading: string;
  profileExportLead: string;
  profileExportJson: string;
  profileExportPdf: string;
  profileExportPreparing: string;
  profileExportDone: string;
  profileClosureHeading: string;
  profileClosureLead: string;
  profileClosureKeptTitle: string;
  /** What closing the account keeps, and for how long: one line each. */
  profileClosureKept: readonly string[];
  profileClosureGone: string;
  profileClosureStart: string;
  profileClosureWarning: string;
  profileClosureUnderstood: string;
  profileClosureUnderstoodRequired: string;
  profileClosureConfirm: string;
  profileClosing: string;
  profileClosedHeading: string;
  profileClosedLead: string;
}
