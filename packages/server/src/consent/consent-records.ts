/**
 * The evidence of each consent to the processing of personal data: who accepted which
 * version of the text, when, how, from which address and browser. 152-ФЗ puts the burden
 * of proving the consent on the operator, so records are only ever added.
 */
import type { Database } from '../db/database.js';
import type { ConsentRecordsTable } from './tables.js';
import { newId } from '../security/tokens.js';

/** How a consent was given: the registration form's checkbox, confirmed by the phone's code. */
export type ConsentMethod = 'web_form_checkbox';

export type ConsentRecord = Omit<ConsentRecordsTable, 'id' | 'method'> & { method: ConsentMethod };

export class ConsentRecords {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  /** Adds the record, within `db` when given (a transaction that also creates the account). */
  async record(consent: ConsentRecord, db: Database = this.#db): Promise<void> {
    await db.insertInto('consentRecords').values({ id: newId(), ...consent }).execute();
  }
}
