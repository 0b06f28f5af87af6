export type { CitizenSummary, IdentityConfirmationRequest, OperatorLookupRequest, TemporaryPasswordIssued } from './schemas.js';
import { Application, ApplicationPage } from '../applications/schemas.js';
import type { ApplicationTransitionRequest } from '../applications/request-schemas.js';
import type { ApplicationFilters, ApplicationPageOptions } from '../applications/client.js';
import type { CabinetClient } from '../client.js';
import type { Http, RequestOptions } from '../http.js';
import { httpOf } from '../internal.js';
import { withQuery } from '../query.js';
import {
  AuditLog,
  IdentityConfirmed,
  OperatorLookupResponse,
  TemporaryPasswordIssued,
  type CitizenSummary,
  type IdentityConfirmationRequest,
  type OperatorLookupRequest,
} from './schemas.js';

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
    return (await this.#http.get(withQuery('operator/audit', query), AuditLog, options)).entries;
  }

  /** Every citizen's submitted applications (never drafts), most recently changed first. */
  applications(filters: ApplicationFilters = {}, options: ApplicationPageOptions = {}): Promise<ApplicationPage> {
    return this.#http.get(withQuery('operator/applications', { ...filters, cursor: options.cursor, limit: options.limit }), ApplicationPage, options);
  }

  /** A submitted application with its values and history. @throws {CabinetError} `not_found` (also a draft) */
  application(id: string, options: RequestOptions = {}): Promise<Application> {
    return this.#http.get(`operator/applications/${encodeURIComponent(id)}`, Application, options);
  }

  /**
   * Moves an application to another status, kept in its history with the operator and the
   * comment. `needs_info` says what is requested.
   *
   * @throws {CabinetError} `conflict` (a transition the lifecycle does not allow), `validation_failed`
   *
   * @example
   * ```ts
   * await operator.move(id, { to: 'needs_info', comment: 'Нужна копия СНИЛС', requested: { documents: ['snils'], fields: [] } });
   * ```
   */
  move(id: string, request: ApplicationTransitionRequest, options: RequestOptions = {}): Promise<Application> {
    return this.#http.post(`operator/applications/${encodeURIComponent(id)}/transitions`, request, Application, options);
  }
}
