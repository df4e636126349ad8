import type { Logger } from 'pino';
import type { Worker } from '../../engine/port.ts';
import type { Services } from '../services.ts';
import { bezwaarBesluit } from './bezwaar-jobs.ts';
import { prbBesluit } from './besluit-job.ts';
import { prbBeschikking } from './beschikking-job.ts';
import { openBetalingen, prbBetaling, prbBetalingGoedkeuren } from './betaling-jobs.ts';
import type { JobHandler } from './job-handler.ts';
import { notificatie } from './notificatie-job.ts';
import { PGB_BW_JOBS } from './pgb-bw-jobs.ts';
import { iroJobs } from './iro-jobs.ts';
import { PIB_JOBS } from './pib-jobs.ts';
import { prbPlanToets, prbToelating } from './toets-jobs.ts';
import { zaakAfsluiten, zaakHervatten, zaakOpschorten, zaakVerdagen } from './zaak-jobs.ts';

/** Every job type the shipped diagrams use (workflows/prb/process.md §2). */
export const JOB_HANDLERS: readonly JobHandler[] = [
  prbToelating,
  prbPlanToets,
  zaakOpschorten,
  zaakHervatten,
  prbBesluit,
  prbBeschikking,
  notificatie,
  prbBetaling,
  prbBetalingGoedkeuren,
  openBetalingen,
  zaakAfsluiten,
  zaakVerdagen,
  bezwaarBesluit,
  ...PGB_BW_JOBS,
  ...iroJobs('iro'),
  ...iroJobs('rio'),
  ...PIB_JOBS,
];

const MAX_BACKOFF_MS = 60_000;

/** Starts one engine worker per job type; a failure is retried with exponential back-off, then becomes an incident. */
export function registerJobWorkers(services: Services, logger: Logger): Worker[] {
  return JOB_HANDLERS.map((h) =>
    services.engine.createWorker({
      taskType: h.type,
      taskHandler: async (job) => {
        try {
          await job.complete(await h.handle(job, services));
        } catch (err) {
          const message = err instanceof Error ? err.message : String(err);
          logger.warn({ err, jobType: h.type, jobKey: job.key, retries: job.retries }, 'taak mislukt');
          const retries = Math.max(0, job.retries - 1);
          await job.fail({ errorMessage: message, retries, retryBackOff: Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.max(0, 3 - retries)) });
        }
      },
    }),
  );
}
