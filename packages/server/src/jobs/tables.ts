/** The table of the jobs feature: durable work, claimed by one instance at a time. */

/**
 * One job: a `kind` (its handler, defined by a feature) with its `payload`, due at `runAt`.
 * A runner that takes it holds a lease (`leaseOwner` until `leaseUntil`); a job whose lease
 * expired (its runner died) is taken again. `attempts` counts the runs started; a job
 * that ran is `finishedAt`, with `lastError` when it failed its last attempt.
 */
export interface JobsTable {
  id: string;
  kind: string;
  /** At most one unfinished job has a given key (`every:<kind>`, `reminder:<application>`). */
  key: string | null;
  /** JSON text. */
  payload: string;
  /** When it is due (ms). */
  runAt: number;
  attempts: number;
  maxAttempts: number;
  /** The runner that holds it, until `leaseUntil` (ms). */
  leaseOwner: string | null;
  leaseUntil: number | null;
  lastError: string | null;
  createdAt: number;
  /** When it ran for good (ms): done, or failed with `lastError` after its last attempt. */
  finishedAt: number | null;
}

export interface JobTables {
  jobs: JobsTable;
}
