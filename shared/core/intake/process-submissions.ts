/**
 * processSubmission for a whole worker batch: the same records, written with a few batch requests instead of
 * three round trips per submission. Same order guarantee: every report of the batch is written (and every stale
 * report dropped) before any submission that lists them.
 */
import { mapConcurrently } from '../async/map-concurrently.ts';
import type { SubmissionRecord } from '../model/index.ts';
import {
  buildOutcome,
  type IntakeDeps,
  type IntakeInput,
  type IntakeOutcome,
  staleReportIds,
} from './process-submission.ts';

/** Submissions attributed at once: attribution waits only on (mostly cached) directory look-ups. */
const ATTRIBUTE_CONCURRENCY = 8;

/**
 * Parses, attributes and records many submissions (distinct ids), returning their outcomes in input order.
 * Idempotent like processSubmission. A store error fails the whole call; callers that need per-submission
 * isolation retry the submissions one by one with processSubmission.
 */
export async function processSubmissions(
  inputs: readonly IntakeInput[],
  deps: IntakeDeps,
): Promise<IntakeOutcome[]> {
  const outcomes = await mapConcurrently(inputs, ATTRIBUTE_CONCURRENCY, (input) => buildOutcome(input, deps));
  const { records } = deps;
  const previous = new Map<string, SubmissionRecord>();
  if (records.deleteReports) {
    const ids = inputs.map((input) => input.submissionId);
    const found = records.getSubmissions
      ? await records.getSubmissions(ids)
      : await mapConcurrently(ids, ATTRIBUTE_CONCURRENCY, (id) => records.getSubmission(id));
    for (const record of found) if (record !== undefined) previous.set(record.submissionId, record);
  }
  // Reports first: a submission item is only visible once every report it lists exists.
  const reports = outcomes.flatMap((outcome) => outcome.reports);
  if (reports.length > 0) await records.putReports(reports);
  const stale = outcomes.flatMap(({ submission }) => {
    const before = previous.get(submission.submissionId);
    return before === undefined ? [] : staleReportIds(before, submission);
  });
  if (stale.length > 0) await records.deleteReports?.(stale);
  const submissions = outcomes.map((outcome) => outcome.submission);
  if (records.putSubmissions) await records.putSubmissions(submissions);
  else await mapConcurrently(submissions, ATTRIBUTE_CONCURRENCY, (record) => records.putSubmission(record));
  return outcomes;
}
