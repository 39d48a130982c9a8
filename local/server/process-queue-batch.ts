import type { IntakeOutcome } from '../../shared/core/intake/process-submission.ts';
import type { ReportRecord } from '../../shared/core/model/index.ts';
import { forEachLimited } from '../ingest/ingest-direct.ts';
import type { IntakeJob } from '../pipeline/intake-job.ts';
import { RawMailMissingError, recordQueuedJob, scoreBatch } from '../pipeline/run-pipeline.ts';
import type { QueueEntry } from '../queue/queue-entry.ts';
import type { LocalServices } from '../runtime/local-services.ts';
import type { HealthTracker } from './runtime-health.ts';

/** Submissions of one batch recorded at once: overlaps DynamoDB round trips without flooding dynalite. */
const RECORD_CONCURRENCY = 8;

/**
 * One worker batch: records each submission (parse → attribute → record, failures isolated per entry like an SQS
 * partial batch response), then scores all their reports in one scoreReports call. A scoring failure fails every
 * recorded entry of the batch; their redelivery is harmless because recording and scoring are idempotent.
 */
export async function processQueueBatch(
  entries: readonly QueueEntry<IntakeJob>[],
  services: LocalServices,
  options: {
    readonly health: HealthTracker;
    readonly runJob?: (job: IntakeJob, services: LocalServices) => Promise<IntakeOutcome>;
    readonly onProcessed?: (jobs: readonly IntakeJob[]) => void;
  },
): Promise<ReadonlyMap<string, unknown>> {
  const failures = new Map<string, unknown>();
  const recorded: IntakeJob[] = [];
  const reports: ReportRecord[] = [];
  const runJob = options.runJob ?? ((job: IntakeJob) => recordQueuedJob(job, services.pipeline));
  await forEachLimited(entries, RECORD_CONCURRENCY, async (entry) => {
    try {
      const outcome = await runJob(entry.body, services);
      recorded.push(entry.body);
      reports.push(...outcome.reports);
    } catch (error) {
      // Purged or deleted raw mail cannot come back: note it and drop the entry instead of retrying.
      if (error instanceof RawMailMissingError)
        options.health.recordFailure(error.message, new Date().toISOString());
      else failures.set(entry.id, error);
    }
  });
  try {
    await scoreBatch(reports, services.pipeline);
  } catch (error) {
    for (const job of recorded) failures.set(job.submissionId, error);
    return failures;
  }
  options.health.recordProcessed(recorded.length);
  options.onProcessed?.(recorded);
  return failures;
}
