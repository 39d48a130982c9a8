import type { SQSBatchItemFailure, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { errorFields, type JsonLog } from './json-log.ts';

/**
 * Runs `handleRecord` on each message in order and reports exactly the ones that threw as batch item failures
 * (SQS partial batch response; the event source mapping has ReportBatchItemFailures on), so SQS redelivers only
 * those and, after maxReceiveCount, moves them to the dead-letter queue.
 */
export async function handleSqsBatch(
  event: SQSEvent,
  handleRecord: (record: SQSRecord) => Promise<void>,
  log: JsonLog,
  failureEvent: string,
): Promise<SQSBatchResponse> {
  const batchItemFailures: SQSBatchItemFailure[] = [];
  for (const record of event.Records) {
    try {
      await handleRecord(record);
    } catch (error) {
      batchItemFailures.push({ itemIdentifier: record.messageId });
      log.error(failureEvent, {
        messageId: record.messageId,
        receiveCount: record.attributes.ApproximateReceiveCount,
        ...errorFields(error),
      });
    }
  }
  return { batchItemFailures };
}
