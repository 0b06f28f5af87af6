import type { RequestOptions } from '../http.js';
import type { IdentityConfirmation, Profile } from './schemas.js';
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

  /** The URL of the waiting code's QR code (an SVG image), for an `<img src>`. */
  readonly identityQrUrl: string;
}
