import type { IntakeOutcome } from '../../shared/core/intake/process-submission.ts';
import type { ReportRecord } from '../../shared/core/model/index.ts';
import { forEachLimited } from '../ingest/ingest-direct.ts';
import type { IntakeJob } from '../pipeline/intake-job.ts';
import {
  loadRawMail,
  RawMailMissingError,
  recordSubmission,
  recordSubmissions,
  scoreBatch,
} from '../pipeline/run-pipeline.ts';
import type { QueueEntry } from '../queue/queue-entry.ts';
import type { LocalServices } from '../runtime/local-services.ts';
import type { HealthTracker } from './runtime-health.ts';

/** Submissions of one batch recorded at once: overlaps DynamoDB round trips without flooding dynalite. */
const RECORD_CONCURRENCY = 8;

/**
 * One worker batch: records its submissions (parse → attribute → record) with batch requests, then scores all
 * their reports in one scoreReports call. Failures stay per entry like an SQS partial batch response: a missing
 * raw mail drops its entry, and if the batched recording fails each submission is retried alone, so one bad
 * entry cannot fail the others. A scoring failure fails every recorded entry of the batch; their redelivery is
 * harmless because recording and scoring are idempotent.
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
  const fail = (entry: QueueEntry<IntakeJob>, error: unknown) => {
    // Purged or deleted raw mail cannot come back: note it and drop the entry instead of retrying.
    if (error instanceof RawMailMissingError)
      options.health.recordFailure(error.message, new Date().toISOString());
    else failures.set(entry.id, error);
  };
  const recordOne = async (entry: QueueEntry<IntakeJob>, run: () => Promise<IntakeOutcome>) => {
    try {
      const outcome = await run();
      recorded.push(entry.body);
      reports.push(...outcome.reports);
    } catch (error) {
      fail(entry, error);
    }
  };
  if (options.runJob) {
    const runJob = options.runJob;
    await forEachLimited(entries, RECORD_CONCURRENCY, (entry) =>
      recordOne(entry, () => runJob(entry.body, services)),
    );
  } else {
    const loaded: { entry: QueueEntry<IntakeJob>; raw: Uint8Array }[] = [];
    await forEachLimited(entries, RECORD_CONCURRENCY, async (entry) => {
      try {
        loaded.push({ entry, raw: await loadRawMail(entry.body, services.pipeline) });
      } catch (error) {
        fail(entry, error);
      }
    });
    try {
      const outcomes = await recordSubmissions(
        loaded.map(({ entry, raw }) => ({ job: entry.body, raw })),
        services.pipeline,
      );
      for (const [index, outcome] of outcomes.entries()) {
        recorded.push(loaded[index]!.entry.body);
        reports.push(...outcome.reports);
      }
    } catch {
      await forEachLimited(loaded, RECORD_CONCURRENCY, ({ entry, raw }) =>
        recordOne(entry, () => recordSubmission(entry.body, raw, services.pipeline)),
      );
    }
  }
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
