import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { parseScoreRequest } from '../../shared/adapters/sqs/score-queue.ts';
import type { ReportRecord } from '../../shared/core/model/index.ts';
import type { JsonLog } from '../json-log.ts';
import { handleSqsBatch } from '../sqs-batch.ts';

/** What the score handler needs; main.ts binds scoreReports to its stores. */
export interface ScoreHandlerDeps {
  readonly getReport: (reportId: string) => Promise<ReportRecord | undefined>;
  /** scoreReports bound to the scoring stores, idempotent per report id. */
  readonly scoreReports: (reports: readonly ReportRecord[], now: string) => Promise<void>;
  readonly now: () => string;
  readonly log: JsonLog;
}

/** A report announced by intake is not readable yet; retried, since intake writes it before announcing it. */
export class ReportNotFoundError extends Error {
  override name = 'ReportNotFoundError';
}

/**
 * Handles a batch from the score queue: loads each message's reports and applies them to tenant scores. Returns
 * exactly the messages that failed, for SQS to retry; a malformed message is logged and dropped.
 */
export function createScoreHandler(deps: ScoreHandlerDeps): (event: SQSEvent) => Promise<SQSBatchResponse> {
  const handleRecord = async (record: SQSRecord): Promise<void> => {
    const request = parseScoreRequest(record.body);
    if (request === undefined) {
      deps.log.warn('score.message-ignored', { messageId: record.messageId, reason: 'not a score request' });
      return;
    }
    const reports: ReportRecord[] = [];
    for (const reportId of request.reportIds) {
      const report = await deps.getReport(reportId);
      if (report === undefined) throw new ReportNotFoundError(`report ${reportId} is not stored`);
      reports.push(report);
    }
    await deps.scoreReports(reports, deps.now());
    deps.log.info('score.applied', {
      messageId: record.messageId,
      submissionId: request.submissionId,
      reports: reports.length,
      tenants: [...new Set(reports.flatMap((report) => (report.tenantId ? [report.tenantId] : [])))],
    });
  };

  return (event) => handleSqsBatch(event, handleRecord, deps.log, 'score.failed');
}
