import type { Http, RequestOptions } from '../http.js';
import type { AuthClient } from '../auth/client.js';
import type { ProfileClient } from './client.js';
import type { AccountClosureRequest, EmailChangeRequest, PasswordChangeRequest, PhoneChangeRequest } from './request-schemas.js';
import { IdentityConfirmation, NotMeReported, PasswordChanged, Profile, ProfileChangePage } from './schemas.js';
import { ChallengeResponse, type OtpChallenge, type PersonalDataRequest, type ResendCodeRequest, type VerifyCodeRequest } from '../auth/schemas.js';

/** What `client.profile` does, loaded with its first call; `identityQrUrl` the client answers itself. */
export class ProfileStore implements Omit<ProfileClient, 'identityQrUrl'> {
  readonly #http: Http;
  readonly #auth: AuthClient;

  constructor(http: Http, auth: AuthClient) {
    this.#http = http;
    this.#auth = auth;
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

  async changePhone(request: PhoneChangeRequest, options: RequestOptions = {}): Promise<OtpChallenge> {
    return (await this.#http.post('profile/contacts/phone', request, ChallengeResponse, options)).challenge;
  }

  async changeEmail(request: EmailChangeRequest, options: RequestOptions = {}): Promise<OtpChallenge> {
    return (await this.#http.post('profile/contacts/email', request, ChallengeResponse, options)).challenge;
  }

  confirmContact(request: VerifyCodeRequest, options: RequestOptions = {}): Promise<Profile> {
    return this.#http.post('profile/contacts/confirm', request, Profile, options);
  }

  async resendContactCode(request: ResendCodeRequest, options: RequestOptions = {}): Promise<OtpChallenge> {
    return (await this.#http.post('profile/contacts/resend', request, ChallengeResponse, options)).challenge;
  }

  changePassword(request: PasswordChangeRequest, options: RequestOptions = {}): Promise<PasswordChanged> {
    return this.#http.post('profile/password', request, PasswordChanged, options);
  }

  changes({ cursor, limit }: { cursor?: string; limit?: number } = {}, options: RequestOptions = {}): Promise<ProfileChangePage> {
    const query = new URLSearchParams();
    if (cursor !== undefined) query.set('cursor', cursor);
    if (limit !== undefined) query.set('limit', String(limit));
    const search = query.toString();
    return this.#http.get(search ? `profile/changes?${search}` : 'profile/changes', ProfileChangePage, options);
  }

  async reportNotMe(changeId: string, options: RequestOptions = {}): Promise<NotMeReported> {
    const reported = await this.#http.post(`profile/changes/${encodeURIComponent(changeId)}/not-me`, {}, NotMeReported, options);
    this.#auth.sessionEnded('not-me');
    return reported;
  }

  async close(request: AccountClosureRequest, options: RequestOptions = {}): Promise<void> {
    await this.#http.postEmpty('profile/close', request, options);
    this.#auth.sessionEnded('account-deleted');
  }
}
