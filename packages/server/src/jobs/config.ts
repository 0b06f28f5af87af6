/** The jobs section of the configuration: how often a runner looks for due jobs, and how long it holds one. */
import { duration, integer, second } from '../settings.js';

export const jobsSettings = {
  jobPollMs: integer(
    'JOB_POLL_MS',
    1000,
    'How often (ms) each instance looks for due jobs (recurring purges, retries, work queued by another instance); work queued here starts at once.',
  ),
  jobLeaseMs: duration(
    'JOB_LEASE_SECONDS',
    300,
    second,
    'How long an instance holds a job it took; a job still unfinished then (its instance died) is taken again by any instance.',
  ),
};
