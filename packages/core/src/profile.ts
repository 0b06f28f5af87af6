import type { Http, RequestOptions } from './http.js';
import {
  ChallengeResponse,
  Profile,
  type OtpChallenge,
  type PersonalDataRequest,
  type ResendCodeRequest,
  type VerifyCodeRequest,
} from './schemas.js';

/** The citizen's own data. */
export class ProfileClient {
  readonly #http: Http;

  constructor(http: Http) {
    this.#http = http;
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
}
