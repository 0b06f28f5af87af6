/** The tables of the consent feature: the consents given to the processing of personal data. */

/** A consent to the processing of personal data (152-ФЗ): which text, when, how and from where. */
export interface ConsentRecordsTable {
  id: string;
  accountId: string;
  consentVersion: string;
  acceptedAt: number;
  /** How the consent was given, e.g. `web_form_checkbox`. */
  method: string;
  ip: string | null;
  userAgent: string | null;
}

export interface ConsentTables {
  consentRecords: ConsentRecordsTable;
}
