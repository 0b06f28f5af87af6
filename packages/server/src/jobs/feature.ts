/**
 * Durable jobs (`runner.ts`): the `jobs` table, the runner every feature queues work with,
 * and the clean-up of finished jobs. Features define their kinds in `ServerFeature.jobs`;
 * `app.ts` defines them on the runner, starts it once every feature has started, and
 * stops it when the server closes.
 */
import type { ServerFeature } from '../feature.js';
import { jobsMigrations } from './migrations.js';
import { JobRunner } from './runner.js';
import type { JobTables } from './tables.js';

/** Finished jobs are kept this long (by the server's clock), then deleted. */
export const finishedJobsKeptMs = 7 * 86_400_000;

export interface JobServices {
  /** Queues durable jobs and runs the due ones. */
  jobs: JobRunner;
}

export const jobsFeature: ServerFeature<JobTables, JobServices> = {
  name: 'jobs',
  migrations: jobsMigrations,
  retention: {
    jobs: {
      fate: 'expires',
      within: 'a week after the job ran (finished jobs are deleted then)',
      what: 'work queued for later: the account’s id and what the work needs (a notice’s phone or e-mail, the IP address of the request that queued it)',
    },
  },
  services({ db, clock, log, config }) {
    return { jobs: new JobRunner({ db, clock, log, pollMs: config.jobPollMs, leaseMs: config.jobLeaseMs }) };
  },
  jobs({ db, clock }) {
    return {
      'jobs:forget-finished': {
        every: 3_600_000,
        async run() {
          await db.deleteFrom('jobs').where('finishedAt', '<=', clock.now() - finishedJobsKeptMs).execute();
        },
      },
    };
  },
};
