export type { CitizenSummary, IdentityConfirmationRequest, OperatorLookupRequest, TemporaryPasswordIssued } from './operator-schemas.js';
import type { CabinetClient } from './client.js';
import type { Http, RequestOptions } from './http.js';
import { httpOf } from './internal.js';
import {
  AuditLog,
  IdentityConfirmed,
  OperatorLookupResponse,
  TemporaryPasswordIssued,
  type CitizenSummary,
  type IdentityConfirmationRequest,
  type OperatorLookupRequest,
} from './operator-schemas.js';

/**
 * The operator API for a client: what an МФЦ operator does for a citizen at the counter.
 * It is an entry of its own (`@mfc-cabinet/core/operator`), so that pages for citizens do
 * not load it. Needs an operator's session; anyone else gets `forbidden`.
 *
 * @example
 * ```ts
 * import { createCabinetClient } from '@mfc-cabinet/core';
 * import { operatorClient } from '@mfc-cabinet/core/operator';
 *
 * const client = createCabinetClient();
 * await client.auth.login({ identifier: 'operator@mfc.example', password });
 * const [citizen] = await operatorClient(client).lookup({ passport: { series: '4510', number: '123456' } });
 * ```
 */
export function operatorClient(client: CabinetClient): OperatorClient {
  const http = httpOf.get(client);
  if (!http) throw new TypeError('operatorClient() needs a client made by createCabinetClient()');
  return new OperatorClient(http);
}

export class OperatorClient {
  readonly #http: Http;

  constructor(http: Http) {
    this.#http = http;
  }

  /** Finds citizens by the passport they show, or by СНИЛС or phone. */
  async lookup(request: OperatorLookupRequest, options: RequestOptions = {}): Promise<CitizenSummary[]> {
    return (await this.#http.post('operator/citizens/lookup', request, OperatorLookupResponse, options)).citizens;
  }

  /**
   * Issues a temporary password (valid 24 h, used once, to be changed at the first sign-in)
   * to a citizen whose passport the operator has checked. Every session of the citizen ends.
   */
  issueTemporaryPassword(citizenId: string, options: RequestOptions = {}): Promise<TemporaryPasswordIssued> {
    return this.#http.post(
      `operator/citizens/${encodeURIComponent(citizenId)}/temporary-password`,
      { passportChecked: true },
      TemporaryPasswordIssued,
      options,
    );
  }

  /**
   * Confirms a citizen's identity by the code from the citizen's screen and the passport
   * in the operator's hands; the account becomes «confirmed».
   *
   * @throws {CabinetError} `not_found` (unknown or expired code), `conflict` (another passport)
   */
  async confirmIdentity(request: IdentityConfirmationRequest, options: RequestOptions = {}): Promise<CitizenSummary> {
    return (await this.#http.post('operator/identity-confirmations', request, IdentityConfirmed, options)).citizen;
  }

  /** The audit log, newest first; of one citizen when `accountId` is given. */
  async audit(query: { accountId?: string; limit?: number } = {}, options: RequestOptions = {}) {
    const search = new URLSearchParams();
    if (query.accountId) search.set('accountId', query.accountId);
    if (query.limit) search.set('limit', String(query.limit));
    const suffix = search.size > 0 ? `?${search}` : '';
    return (await this.#http.get(`operator/audit${suffix}`, AuditLog, options)).entries;
  }
}
