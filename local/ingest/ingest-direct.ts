import type { IntakeOutcome } from '../../shared/core/intake/process-submission.ts';
import { runPipeline } from '../pipeline/run-pipeline.ts';
import type { LocalServices } from '../runtime/local-services.ts';
import { newSubmissionId } from '../runtime/submission-id.ts';
import { countOutcome, emptySummary, type IngestSummary } from './ingest-summary.ts';
import type { MailItem } from './mail-sources.ts';

/** Mails in flight at once: enough to overlap disk and DynamoDB waits on two cores. */
export const DEFAULT_INGEST_CONCURRENCY = 8;

/** Runs `work` over `items` with at most `limit` at a time, in order of start. */
export async function forEachLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index] as T, index);
    }
  });
  await Promise.all(lanes);
}

/**
 * Ingests mails straight through the pipeline on the data directory (no SMTP): each raw mail is stored durably
 * first, as the listener does, then parsed, attributed, recorded and scored by the same core as everywhere.
 */
export async function ingestDirect(
  items: readonly MailItem[],
  services: LocalServices,
  options: { readonly concurrency?: number; readonly onDone?: (outcome?: IntakeOutcome) => void } = {},
): Promise<IngestSummary> {
  const summary = emptySummary(items.length);
  await forEachLimited(items, options.concurrency ?? DEFAULT_INGEST_CONCURRENCY, async (item) => {
    let outcome: IntakeOutcome | undefined;
    try {
      const raw = await item.read();
      const now = Date.now();
      const submissionId = newSubmissionId(now);
      const rawLocation = await services.rawMail.put(submissionId, raw);
      outcome = await runPipeline(
        { submissionId, receivedAt: new Date(now).toISOString(), rawLocation },
        raw,
        services.pipeline,
      );
      countOutcome(summary, outcome);
    } catch (error) {
      summary.failed.push({
        label: item.label,
        reason: error instanceof Error ? error.message : String(error),
      });
    }
    options.onDone?.(outcome);
  });
  return summary;
}
