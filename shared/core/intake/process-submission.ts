/**
 * The one pipeline step both runtimes call: parse → attribute each reported message → record. Idempotent: the
 * same raw mail and id always yield the same records, so an at-least-once queue may deliver it any number of
 * times. Bad mail is recorded as `unusable` with its reason; only transient store errors throw.
 */
import { attributeMessage } from '../attribute/index.ts';
import type { ReportRecord, SubmissionRecord } from '../model/index.ts';
import { type ParseLimits, parseSubmission } from '../parse/index.ts';
import type { PlatformConfig } from '../platform/platform-config.ts';
import type { RecordStore, TenantDirectory } from '../ports.ts';
import { buildReportRecord, buildSubmissionRecord, type SubmissionArrival } from './build-records.ts';
import { classifyReporter } from './reporter-trust.ts';

/** One incoming mail, already stored durably at `rawLocation`. */
export interface IntakeInput {
  readonly submissionId: string;
  readonly raw: Uint8Array;
  /** ISO 8601 UTC: SES timestamp or the local SMTP 250 time. */
  readonly receivedAt: string;
  readonly rawLocation: string;
}

/** What the intake step needs from its runtime. */
export interface IntakeDeps {
  readonly directory: TenantDirectory;
  readonly records: RecordStore;
  readonly platform: PlatformConfig;
  readonly retentionDays: number;
  readonly parseLimits?: Partial<ParseLimits>;
}

/** The records written for one submission. */
export interface IntakeOutcome {
  readonly submission: SubmissionRecord;
  readonly reports: readonly ReportRecord[];
}

/** Parses, attributes and records one submission; reports are written before the submission that lists them. */
export async function processSubmission(input: IntakeInput, deps: IntakeDeps): Promise<IntakeOutcome> {
  const outcome = await buildOutcome(input, deps);
  const { submission: record, reports } = outcome;
  const previous = deps.records.deleteReports
    ? await deps.records.getSubmission(input.submissionId)
    : undefined;
  // Reports first: a submission item is only visible once every report it lists exists.
  if (reports.length > 0) await deps.records.putReports(reports);
  // Then drop reports an earlier run produced and this one does not (a retry after a crash repeats this step).
  const stale = previous === undefined ? [] : staleReportIds(previous, record);
  if (stale.length > 0) await deps.records.deleteReports?.(stale);
  await deps.records.putSubmission(record);
  return outcome;
}

/** Parses and attributes one submission into the records to write, writing nothing. */
export async function buildOutcome(input: IntakeInput, deps: IntakeDeps): Promise<IntakeOutcome> {
  const submission = parseSubmission(input.raw, deps.parseLimits);
  const arrival: SubmissionArrival = {
    submissionId: input.submissionId,
    receivedAt: input.receivedAt,
    rawLocation: input.rawLocation,
    retentionDays: deps.retentionDays,
  };
  const trust = classifyReporter(submission, deps.platform);
  const context = { directory: deps.directory, platform: deps.platform, receivedAt: input.receivedAt };
  const reports: ReportRecord[] = [];
  if (submission.kind !== 'unusable') {
    for (const message of submission.messages) {
      const attribution = await attributeMessage(message, context);
      reports.push(buildReportRecord(arrival, submission, trust, message, attribution));
    }
  }
  return { submission: buildSubmissionRecord(arrival, submission, trust, reports), reports };
}

/** Reports an earlier run of a submission listed that this run does not produce. */
export function staleReportIds(previous: SubmissionRecord, record: SubmissionRecord): string[] {
  const current = new Set(record.reportIds);
  return previous.reportIds.filter((id) => !current.has(id));
}
