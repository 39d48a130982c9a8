import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { S3RawMailStore } from '../../shared/adapters/s3/s3-raw-mail-store.ts';
import type { ScoreQueue } from '../../shared/adapters/sqs/score-queue.ts';
import type { IntakeInput, IntakeOutcome } from '../../shared/core/intake/process-submission.ts';
import type { JsonLog } from '../json-log.ts';
import { handleSqsBatch } from '../sqs-batch.ts';
import { parseS3Notification } from './s3-notification.ts';

/** What the intake handler needs; main.ts builds the real ones, tests pass their own. */
export interface IntakeHandlerDeps {
  readonly rawMail: S3RawMailStore;
  /** processSubmission bound to its stores and platform configuration. */
  readonly processSubmission: (input: IntakeInput) => Promise<IntakeOutcome>;
  readonly scoreQueue: ScoreQueue;
  readonly log: JsonLog;
}

/** The object SES writes at the prefix when a rule with an S3 action is saved; it is not a report. */
const SES_SETUP_NOTIFICATION = 'AMAZON_SES_SETUP_NOTIFICATION';

/** Raw mail S3 announced is gone: retrying cannot help, so the message goes to the dead-letter queue for a look. */
export class RawMailMissingError extends Error {
  override name = 'RawMailMissingError';
}

/**
 * Handles a batch of S3 notifications from the intake queue: each new raw mail goes through processSubmission
 * and its reports to the score queue. Returns exactly the messages that failed transiently, so SQS retries only
 * those (partial batch response); unusable mail is recorded by processSubmission and is not a failure.
 */
export function createIntakeHandler(deps: IntakeHandlerDeps): (event: SQSEvent) => Promise<SQSBatchResponse> {
  const handleRecord = async (record: SQSRecord): Promise<void> => {
    const notification = parseS3Notification(record.body);
    if (notification.kind === 'test') {
      deps.log.info('intake.s3-test-event', { messageId: record.messageId });
      return;
    }
    if (notification.kind === 'invalid') {
      deps.log.warn('intake.message-ignored', { messageId: record.messageId, reason: notification.reason });
      return;
    }
    for (const object of notification.objects) {
      const submissionId = deps.rawMail.submissionIdOf(object.key);
      if (submissionId === undefined || submissionId === SES_SETUP_NOTIFICATION) {
        deps.log.info('intake.object-ignored', { messageId: record.messageId, key: object.key });
        continue;
      }
      const raw = await deps.rawMail.get(submissionId);
      if (raw === undefined) throw new RawMailMissingError(`raw mail ${submissionId} is not in S3`);
      const outcome = await deps.processSubmission({
        submissionId,
        raw,
        receivedAt: object.eventTime,
        rawLocation: deps.rawMail.locationOf(submissionId),
      });
      const reportIds = outcome.reports.map((report) => report.reportId);
      if (reportIds.length > 0) await deps.scoreQueue.enqueue({ submissionId, reportIds });
      deps.log.info('intake.recorded', {
        messageId: record.messageId,
        submissionId,
        status: outcome.submission.status,
        kind: outcome.submission.kind,
        reason: outcome.submission.reason?.code,
        reports: reportIds.length,
        attributed: outcome.reports.filter((report) => report.tenantId !== undefined).length,
        size: raw.byteLength,
      });
    }
  };

  return (event) => handleSqsBatch(event, handleRecord, deps.log, 'intake.failed');
}
