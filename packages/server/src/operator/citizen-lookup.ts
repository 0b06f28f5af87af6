/**
 * Finding a citizen who came to the counter, by the passport they show, their СНИЛС or
 * their phone. Every criterion given must match; operators are never found. Each lookup is
 * audited with the operator and which criteria were used (not their values).
 */
import type { FieldError } from '@mfc-cabinet/core/errors';
import type { CitizenSummary, OperatorLookupRequest } from '@mfc-cabinet/core/schemas';
import { formatSnils, isValidPassport, normalizePhone } from '@mfc-cabinet/core/validators';
import { assertValid } from '../api-error.js';
import { toCitizenSummary, type Account, type Accounts, type CitizenCriteria } from '../accounts/accounts.js';
import { fieldMessage } from '../http/field-errors.js';
import { normalizePassport } from '../profile/personal-data.js';
import type { AuditLog } from '../security/audit.js';

/** At most this many citizens are listed. */
export const lookupLimit = 20;

export interface CitizenLookupDeps {
  accounts: Accounts;
  audit: AuditLog;
}

export class CitizenLookup {
  readonly #deps: CitizenLookupDeps;

  constructor(deps: CitizenLookupDeps) {
    this.#deps = deps;
  }

  /**
   * The citizens matching every criterion of `request`.
   *
   * @throws {ApiError} `validation_failed` when no criterion is given or one is malformed
   */
  async find(operator: Account, request: OperatorLookupRequest, ip: string): Promise<CitizenSummary[]> {
    const criteria = readCriteria(request);
    const found = await this.#deps.accounts.findCitizens(criteria, lookupLimit);
    await this.#deps.audit.record('citizen_lookup', {
      accountId: found.length === 1 ? found[0]!.id : null,
      actorId: operator.id,
      ip,
      details: { by: Object.keys(criteria), found: found.length },
    });
    return found.map(toCitizenSummary);
  }
}

/** The criteria normalised; blank ones are not given. */
function readCriteria({ passport, snils, phone }: OperatorLookupRequest): CitizenCriteria {
  const errors: FieldError[] = [];
  const criteria: CitizenCriteria = {};
  if (passport && (passport.series.trim() !== '' || passport.number.trim() !== '')) {
    const normalized = normalizePassport(passport);
    if (isValidPassport(`${normalized.series} ${normalized.number}`)) criteria.passport = normalized;
    else errors.push({ field: 'passport.number', code: 'invalid', message: fieldMessage('number', 'invalid') });
  }
  if (snils?.trim()) {
    criteria.snils = formatSnils(snils.trim());
    if (!criteria.snils) errors.push({ field: 'snils', code: 'invalid', message: fieldMessage('snils', 'invalid') });
  }
  if (phone?.trim()) {
    criteria.phone = normalizePhone(phone);
    if (!criteria.phone) errors.push({ field: 'phone', code: 'invalid', message: fieldMessage('phone', 'invalid') });
  }
  if (errors.length === 0 && Object.keys(criteria).length === 0) {
    errors.push({ field: '', code: 'required', message: 'Укажите серию и номер паспорта, СНИЛС или телефон' });
  }
  assertValid(errors);
  return criteria;
}
