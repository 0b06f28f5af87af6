import type { Http, RequestOptions } from '../http.js';
import type { AuthClient } from '../auth/client.js';
import { CabinetError } from '../errors.js';
import type { DataExportFormat, DownloadedFile, ProfileClient } from './client.js';
import type { AccountClosureRequest, EmailChangeRequest, PasswordChangeRequest, PhoneChangeRequest, SecondFactorRequest } from './request-schemas.js';
import { IdentityConfirmation, NotMeReported, PasswordChanged, Profile, ProfileChangePage, SignInPage } from './schemas.js';
import { ChallengeResponse, type OtpChallenge, type PersonalDataRequest, type ResendCodeRequest, type VerifyCodeRequest } from '../auth/schemas.js';

/** `?cursor=…&limit=…` of a paged list, or nothing. */
function pageQuery(path: string, { cursor, limit }: { cursor?: string; limit?: number }): string {
  const query = new URLSearchParams();
  if (cursor !== undefined) query.set('cursor', cursor);
  if (limit !== undefined) query.set('limit', String(limit));
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}

/**
 * The file name of a `Content-Disposition` header (`filename*=UTF-8''…` before
 * `filename="…"`), or `fallback` when it names none (or the browser hides the header).
 */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (extended) {
    try {
      return decodeURIComponent(extended[1]!.trim());
    } catch {
      // A malformed escape: the plain name, if any.
    }
  }
  const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/.exec(disposition);
  const name = plain ? (plain[1]?.replace(/\\(.)/g, '$1') ?? plain[2]) : undefined;
  return name || fallback;
}

/** How long to wait before asking again for a file being prepared: its `Retry-After` (seconds), 1 s to a minute. */
const retryDelayMs = (header: string | null): number => {
  const seconds = header !== null && /^\d+$/.test(header.trim()) ? Number(header.trim()) : 1;
  return Math.min(Math.max(seconds, 1), 60) * 1000;
};

/** Resolves after `ms`, or rejects with `aborted` as soon as `signal` aborts. */
function wait(ms: number, signal: AbortSignal | undefined, aborted: () => CabinetError): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(aborted());
    const onAbort = () => {
      clearTimeout(timer);
      reject(aborted());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

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

  setSecondFactor(request: SecondFactorRequest, options: RequestOptions = {}): Promise<Profile> {
    return this.#http.put('profile/second-factor', request, Profile, options);
  }

  signIns(query: { cursor?: string; limit?: number } = {}, options: RequestOptions = {}): Promise<SignInPage> {
    return this.#http.get(pageQuery('profile/sign-ins', query), SignInPage, options);
  }

  async downloadExport(format: DataExportFormat, options: RequestOptions = {}): Promise<DownloadedFile> {
    const http = this.#http;
    const aborted = () => new CabinetError('aborted', { message: http.message('aborted') });
    for (;;) {
      const response = await http.raw('get', `profile/export.${format}`, { headers: { ...options.headers }, signal: options.signal });
      if (response.status === 202) {
        // Being prepared in the background: ask again when the server says.
        await response.body?.cancel();
        await wait(retryDelayMs(response.headers.get('retry-after')), options.signal, aborted);
        continue;
      }
      const blob = await response.blob().catch((cause: unknown) => {
        throw options.signal?.aborted ? aborted() : new CabinetError('network', { message: http.message('network'), cause });
      });
      return { blob, fileName: fileNameOf(response.headers.get('content-disposition'), `cabinet-data.${format}`) };
    }
  }

  changes(query: { cursor?: string; limit?: number } = {}, options: RequestOptions = {}): Promise<ProfileChangePage> {
    return this.#http.get(pageQuery('profile/changes', query), ProfileChangePage, options);
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
