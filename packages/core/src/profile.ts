import type { Http, RequestOptions } from './http.js';
import {
  ChallengeResponse,
  IdentityConfirmation,
  Profile,
  type OtpChallenge,
  type PersonalDataRequest,
  type ResendCodeRequest,
  type VerifyCodeRequest,
} from './schemas.js';

/** The citizen's own data. */
export class ProfileClient {
  readonly #http: Http;
  readonly #baseUrl: string;

  constructor(http: Http, baseUrl: string) {
    this.#http = http;
    this.#baseUrl = baseUrl;
  }

  /**
   * The signed-in citizen's profile: name, contacts, documents, account level.
   *
   * @throws {CabinetError} `unauthenticated` when nobody is signed in
   */
  get(options: RequestOptions = {}): Promise<Profile> {
    return this.#http.get('profile', Profile, options);
  }

  /**
   * Saves name, birth date, passport, СНИЛС and ИНН. The answer's `registryCheck` is
   * `pending`: the registries are asked, and on success the account becomes «standard».
   *
   * @throws {CabinetError} `validation_failed` with `fieldErrors` such as `passport.series`, `snils`
   */
  savePersonalData(request: PersonalDataRequest, options: RequestOptions = {}): Promise<Profile> {
    return this.#http.put('profile/personal-data', request, Profile, options);
  }

  /** Confirms the e-mail with the code sent to it. @throws {CabinetError} `otp_invalid`, `otp_expired`, … */
  confirmEmail(request: VerifyCodeRequest, options: RequestOptions = {}): Promise<Profile> {
    return this.#http.post('profile/email/code', request, Profile, options);
  }

  /** Sends a new code to the e-mail being confirmed. @throws {CabinetError} `rate_limited`, `otp_expired` */
  async resendEmailCode(request: ResendCodeRequest, options: RequestOptions = {}): Promise<OtpChallenge> {
    return (await this.#http.post('profile/email/code/resend', request, ChallengeResponse, options)).challenge;
  }

  /**
   * Starts confirming the identity at an МФЦ: a short code to show the operator, who scans
   * its QR code ({@link identityQrUrl}) and checks the passport. Needs a «standard» account.
   *
   * @throws {CabinetError} `conflict` for a «simplified» account
   */
  startIdentityConfirmation(options: RequestOptions = {}): Promise<IdentityConfirmation> {
    return this.#http.post('profile/identity-confirmation', {}, IdentityConfirmation, options);
  }

  /** Whether the code is still waiting, was used (the account is «confirmed»), or expired. */
  identityConfirmation(options: RequestOptions = {}): Promise<IdentityConfirmation> {
    return this.#http.get('profile/identity-confirmation', IdentityConfirmation, options);
  }

  /** The URL of the waiting code's QR code (an SVG image), for an `<img src>`. */
  get identityQrUrl(): string {
    return `${this.#baseUrl}profile/identity-confirmation/qr.svg`;
  }
}
