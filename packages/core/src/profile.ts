import type { Http, RequestOptions } from './http.js';
import { Profile } from './schemas.js';

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
}
