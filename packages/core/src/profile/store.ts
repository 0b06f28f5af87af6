import type { Http, RequestOptions } from '../http.js';
import type { ProfileClient } from './client.js';
import { IdentityConfirmation, Profile } from './schemas.js';
import { ChallengeResponse, type OtpChallenge, type PersonalDataRequest, type ResendCodeRequest, type VerifyCodeRequest } from '../auth/schemas.js';

/** What `client.profile` does, loaded with its first call; `identityQrUrl` the client answers itself. */
export class ProfileStore implements Omit<ProfileClient, 'identityQrUrl'> {
  readonly #http: Http;

  constructor(http: Http) {
    this.#http = http;
  }

  get(options: RequestOptions = {}): Promise<Profile> {
    return this.#http.get('profile', Profile, options);
  }

  savePersonalData(request: PersonalDataRequest, options: RequestOptions = {}): Promise<Profile> {
    return this.#http.put('profile/personal-data', request, Profile, options);
  }

  confirmEmail(request: VerifyCodeRequest, options: RequestOptions = {}): Promise<Profile> {
    return this.#http.post('profile/email/code', request, Profile, options);
  }

  async resendEmailCode(request: ResendCodeRequest, options: RequestOptions = {}): Promise<OtpChallenge> {
    return (await this.#http.post('profile/email/code/resend', request, ChallengeResponse, options)).challenge;
  }

  startIdentityConfirmation(options: RequestOptions = {}): Promise<IdentityConfirmation> {
    return this.#http.post('profile/identity-confirmation', {}, IdentityConfirmation, options);
  }

  identityConfirmation(options: RequestOptions = {}): Promise<IdentityConfirmation> {
    return this.#http.get('profile/identity-confirmation', IdentityConfirmation, options);
  }
}
