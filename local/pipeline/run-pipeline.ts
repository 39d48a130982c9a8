import {
  type IntakeDeps,
  type IntakeOutcome,
  processSubmission,
} from '../../shared/core/intake/process-submission.ts';
import { processSubmissions } from '../../shared/core/intake/process-submissions.ts';
import type { ReportRecord } from '../../shared/core/model/index.ts';
import type { RawMailStore } from '../../shared/core/ports.ts';
import { scoreReports } from '../../shared/core/score/index.ts';
import type { ScoringDeps } from '../../shared/core/score/scoring-deps.ts';
import type { IntakeJob } from './intake-job.ts';

/** What the local pipeline needs: the same core as the Lambdas, bound to local stores. */
export interface PipelineDeps {
  readonly rawMail: RawMailStore;
  readonly intake: IntakeDeps;
  readonly scoring: ScoringDeps;
  /** ISO 8601 UTC. */
  readonly now: () => string;
}

/** The raw mail of a queued job is gone (purged by retention, or deleted by hand): nothing to retry. */
export class RawMailMissingError extends Error {
  override name = 'RawMailMissingError';
}

/**
 * Runs one submission through the pipeline the Lambdas run: parse → attribute → record (processSubmission), then
 * score the reports (scoreReports). Both steps are idempotent, so a redelivery after a crash changes nothing.
 */
export async function runPipeline(
  job: IntakeJob,
  raw: Uint8Array,
  deps: PipelineDeps,
): Promise<IntakeOutcome> {
  const outcome = await recordSubmission(job, raw, deps);
  if (outcome.reports.length > 0) await scoreReports(outcome.reports, deps.scoring, deps.now());
  return outcome;
}

/** Parse → attribute → record for one submission, without scoring (the queue scores whole batches). */
export function recordSubmission(
  job: IntakeJob,
  raw: Uint8Array,
  deps: PipelineDeps,
): Promise<IntakeOutcome> {
  return processSubmission(
    { submissionId: job.submissionId, raw, receivedAt: job.receivedAt, rawLocation: job.rawLocation },
    deps.intake,
  );
}

/** Records many submissions at once (processSubmissions: batch writes, reports before submissions). */
export function recordSubmissions(
  jobs: readonly { readonly job: IntakeJob; readonly raw: Uint8Array }[],
  deps: PipelineDeps,
): Promise<IntakeOutcome[]> {
  return processSubmissions(
    jobs.map(({ job, raw }) => ({
      submissionId: job.submissionId,
      raw,
      receivedAt: job.receivedAt,
      rawLocation: job.rawLocation,
    })),
    deps.intake,
  );
}

/** The raw mail of a queued job; RawMailMissingError when it is gone. */
export async function loadRawMail(job: IntakeJob, deps: PipelineDeps): Promise<Uint8Array> {
  const raw = await deps.rawMail.get(job.submissionId);
  if (raw === undefined) throw new RawMailMissingError(`raw mail of ${job.submissionId} is missing`);
  return raw;
}

/** Loads the raw mail of a queued job and records it (parse → attribute → record). */
export async function recordQueuedJob(job: IntakeJob, deps: PipelineDeps): Promise<IntakeOutcome> {
  return recordSubmission(job, await loadRawMail(job, deps), deps);
}

/** Loads the raw mail of a queued job and runs the whole pipeline on it, scoring included. */
export async function runQueuedJob(job: IntakeJob, deps: PipelineDeps): Promise<IntakeOutcome> {
  const outcome = await recordQueuedJob(job, deps);
  if (outcome.reports.length > 0) await scoreReports(outcome.reports, deps.scoring, deps.now());
  return outcome;
}

/**
 * Scores the reports of a batch of recorded submissions at once: scoreReports aggregates per tenant and window,
 * so a batch costs about one score update per tenant instead of one per report (DESIGN §5: no hot key).
 */
export async function scoreBatch(reports: readonly ReportRecord[], deps: PipelineDeps): Promise<void> {
  if (reports.length > 0) await scoreReports(reports, deps.scoring, deps.now());
}
