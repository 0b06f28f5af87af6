import type { RequestOptions } from '../http.js';
import type { IdentityConfirmation, NotMeReported, PasswordChanged, Profile, ProfileChangePage, SignInPage } from './schemas.js';
import type { AccountClosureRequest, EmailChangeRequest, PasswordChangeRequest, PhoneChangeRequest, SecondFactorRequest } from './request-schemas.js';

/** The formats the citizen's data downloads in: `json` (for another service) or `pdf` (to read and keep). */
export type DataExportFormat = 'json' | 'pdf';

/** A downloaded file: its bytes and the name the server gave it (`cabinet-data.json`). */
export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}
import type { OtpChallenge, PersonalDataRequest, ResendCodeRequest, VerifyCodeRequest } from '../auth/schemas.js';

/** The citizen's own data. Its code loads with the first call. */
export interface ProfileClient {
  /**
   * The signed-in citizen's profile: name, contacts, documents, account level.
   *
   * @throws {CabinetError} `unauthenticated` when nobody is signed in
   */
  get(options?: RequestOptions): Promise<Profile>;

  /**
   * Saves name, birth date, passport, СНИЛС and ИНН. The answer's `registryCheck` is
   * `pending`: the registries are asked, and on success the account becomes «standard».
   *
   * @throws {CabinetError} `validation_failed` with `fieldErrors` such as `passport.series`, `snils`
   */
  savePersonalData(request: PersonalDataRequest, options?: RequestOptions): Promise<Profile>;

  /** Confirms the e-mail with the code sent to it. @throws {CabinetError} `otp_invalid`, `otp_expired`, … */
  confirmEmail(request: VerifyCodeRequest, options?: RequestOptions): Promise<Profile>;

  /** Sends a new code to the e-mail being confirmed. @throws {CabinetError} `rate_limited`, `otp_expired` */
  resendEmailCode(request: ResendCodeRequest, options?: RequestOptions): Promise<OtpChallenge>;

  /**
   * Starts confirming the identity at an МФЦ: a short code to show the operator, who scans
   * its QR code ({@link identityQrUrl}) and checks the passport. Needs a «standard» account.
   *
   * @throws {CabinetError} `conflict` for a «simplified» account
   */
  startIdentityConfirmation(options?: RequestOptions): Promise<IdentityConfirmation>;

  /** Whether the code is still waiting, was used (the account is «confirmed»), or expired. */
  identityConfirmation(options?: RequestOptions): Promise<IdentityConfirmation>;

  /**
   * Starts changing the phone: a code goes to the NEW phone, and the current one stays in
   * use until {@link confirmContact}. Asks for the current password (it counts towards the
   * lockout like a sign-in). A phone another account has answers alike, but its owner gets
   * a notice instead of the code, so the change can never be confirmed.
   *
   * @throws {CabinetError} `invalid_credentials` (with `attemptsLeft`), `account_locked`,
   *   `validation_failed` (`phone`), `rate_limited`
   */
  changePhone(request: PhoneChangeRequest, options?: RequestOptions): Promise<OtpChallenge>;

  /** Starts changing the e-mail, as {@link changePhone} does the phone. @throws {CabinetError} as {@link changePhone}, on `email` */
  changeEmail(request: EmailChangeRequest, options?: RequestOptions): Promise<OtpChallenge>;

  /**
   * Finishes a change of a contact with the code sent to the new one; answers the profile
   * with it. The old contact is told.
   *
   * @throws {CabinetError} `otp_invalid` (with `attemptsLeft`), `otp_expired`, `otp_attempts_exceeded`
   */
  confirmContact(request: VerifyCodeRequest, options?: RequestOptions): Promise<Profile>;

  /** Sends a new code to the contact being changed to. @throws {CabinetError} `rate_limited`, `otp_expired` */
  resendContactCode(request: ResendCodeRequest, options?: RequestOptions): Promise<OtpChallenge>;

  /**
   * Changes the password. The other sessions end when `endOtherSessions`; this one stays.
   * The account's contacts are told.
   *
   * @throws {CabinetError} `invalid_credentials` (the current password; with `attemptsLeft`),
   *   `account_locked`, `validation_failed` on `password` (the rules, `password_reused`)
   */
  changePassword(request: PasswordChangeRequest, options?: RequestOptions): Promise<PasswordChanged>;

  /**
   * Turns the code asked at sign-in on (`channel`: `sms` to the phone, `email` to the
   * confirmed e-mail) or off (`null`). Asks for the current password (it counts towards the
   * lockout like a sign-in). Answers the profile with its `secondFactor`; the change goes
   * into the history (kind `second_factor`) and the account's contacts are told.
   *
   * @throws {CabinetError} `invalid_credentials` (the current password; with `attemptsLeft`),
   *   `account_locked`, `rate_limited`, `validation_failed` on `channel` (no phone for `sms`,
   *   no confirmed e-mail for `email`)
   */
  setSecondFactor(request: SecondFactorRequest, options?: RequestOptions): Promise<Profile>;

  /**
   * The account's sign-in history, newest first: every sign-in, wrong password, wrong code
   * and lockout, with the device, the masked address and, when the server can tell, the
   * city. `current` marks the sign-in of this browser's session. Pass the answer's
   * `nextCursor` for the next page (`limit` 20 by default, at most 50).
   *
   * @throws {CabinetError} `unauthenticated`, `validation_failed` on `cursor` (a stale one)
   */
  signIns(query?: { cursor?: string; limit?: number }, options?: RequestOptions): Promise<SignInPage>;

  /**
   * Downloads everything the cabinet holds of the citizen, with the session, as a file to
   * save (`URL.createObjectURL(blob)` and an `<a download={fileName}>`). When the server
   * answers 202 (the file is being prepared) it asks again after its `Retry-After`, until
   * the file is ready or `options.signal` aborts.
   *
   * @throws {CabinetError} `unauthenticated`, `forbidden` (an operator), `rate_limited`
   *   (with `retryAfter`), `server_unavailable`, `aborted`
   */
  downloadExport(format: DataExportFormat, options?: RequestOptions): Promise<DownloadedFile>;

  /**
   * The history of changes of the profile (personal data, contacts, password), newest
   * first, values masked. Pass the answer's `nextCursor` for the next page.
   */
  changes(query?: { cursor?: string; limit?: number }, options?: RequestOptions): Promise<ProfileChangePage>;

  /**
   * «Это был не я» about the change `changeId`: every session of the account ends, this one
   * too (`auth` turns `signed-out` with reason `not-me`), and a recovery code goes to the
   * account's contact; continue with `auth.verifyRecoveryCode`.
   *
   * @throws {CabinetError} `not_found` (no such change of this account)
   */
  reportNotMe(changeId: string, options?: RequestOptions): Promise<NotMeReported>;

  /**
   * Closes the account for good, once `currentPassword` is right: what the law keeps stays
   * (submitted applications and their documents, the consent record, the audit log without
   * what names the citizen), everything else goes; `auth` turns `signed-out` with reason
   * `account-deleted`. Download the data first (`/profile/export.json`, `/profile/export.pdf`).
   *
   * @throws {CabinetError} `invalid_credentials` (with `attemptsLeft`), `account_locked`, `rate_limited`
   */
  close(request: AccountClosureRequest, options?: RequestOptions): Promise<void>;

  /** The URL of the waiting code's QR code (an SVG image), for an `<img src>`. */
  readonly identityQrUrl: string;
}
