import { fileURLToPath } from 'node:url';
import { forEachLimited } from '../ingest/ingest-direct.ts';
import { countOutcome, emptySummary, type IngestSummary } from '../ingest/ingest-summary.ts';
import type { LocalServices } from '../runtime/local-services.ts';
import { runPipeline } from './run-pipeline.ts';

/** Which stored submissions to run again. */
export interface ReprocessSelection {
  /** Only these submission ids. */
  readonly ids?: readonly string[];
  /** Only submissions received at or after / at or before (ISO 8601). */
  readonly since?: string;
  readonly until?: string;
  readonly concurrency?: number;
  /** Told how many submissions will run, before the first. */
  readonly onStart?: (total: number) => void;
  readonly onDone?: () => void;
}

/**
 * Runs parse → attribute → record → score again over stored raw mail (after a parser fix or a directory change).
 * Each submission keeps its id and original received time, so report ids and score contributions are the same
 * keys as before: records are overwritten, and scoring, idempotent per report, does not count anything twice.
 */
export async function reprocessStored(
  services: LocalServices,
  selection: ReprocessSelection = {},
): Promise<IngestSummary> {
  const wanted = selection.ids ? new Set(selection.ids) : undefined;
  const stored = [];
  for await (const item of services.rawMail.list())
    if (!wanted || wanted.has(item.submissionId)) stored.push(item);
  stored.sort((a, b) => a.submissionId.localeCompare(b.submissionId));
  const summary = emptySummary(0);
  const jobs = [];
  for (const item of stored) {
    const record = await services.records.getSubmission(item.submissionId);
    const receivedAt = record?.receivedAt ?? item.storedAt;
    if (selection.since && receivedAt < selection.since) continue;
    if (selection.until && receivedAt > selection.until) continue;
    jobs.push({
      submissionId: item.submissionId,
      receivedAt,
      rawLocation: record?.rawLocation ?? rawUrl(services, item.submissionId),
    });
  }
  summary.total = jobs.length;
  selection.onStart?.(jobs.length);
  await forEachLimited(jobs, selection.concurrency ?? 4, async (job) => {
    try {
      const raw = await services.rawMail.get(job.submissionId);
      if (raw === undefined) throw new Error('raw mail was purged meanwhile');
      countOutcome(summary, await runPipeline(job, raw, services.pipeline));
    } catch (error) {
      summary.failed.push({
        label: job.submissionId,
        reason: error instanceof Error ? error.message : String(error),
      });
    }
    selection.onDone?.();
  });
  return summary;
}

function rawUrl(services: LocalServices, submissionId: string): string {
  return new URL(`${submissionId}.eml`, `file://${services.rawMail.dir}/`).href;
}

/** The path of a `file://` raw location, for messages. */
export function rawPath(location: string): string {
  return location.startsWith('file:') ? fileURLToPath(location) : location;
}
