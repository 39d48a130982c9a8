import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';

/**
 * The message from intake to scoring: ids only, so it stays far below SQS's 256 KiB limit whatever the reports
 * hold, and the scorer reads the records as stored (the one source of truth).
 */
export interface ScoreRequest {
  readonly submissionId: string;
  readonly reportIds: readonly string[];
}

/** Where intake hands new reports to scoring. */
export interface ScoreQueue {
  enqueue(request: ScoreRequest): Promise<void>;
}

/** Sending to the score queue failed; transient, the intake message is retried. */
export class ScoreQueueError extends Error {
  override name = 'ScoreQueueError';
}

/** The SQS score queue at `queueUrl`. */
export function createSqsScoreQueue(options: {
  readonly client: SQSClient;
  readonly queueUrl: string;
}): ScoreQueue {
  return {
    async enqueue(request) {
      try {
        await options.client.send(
          new SendMessageCommand({ QueueUrl: options.queueUrl, MessageBody: JSON.stringify(request) }),
        );
      } catch (cause) {
        throw new ScoreQueueError(`enqueueing reports of ${request.submissionId} failed`, { cause });
      }
    },
  };
}

/** The request in an SQS message body, or undefined when the body is not one (poison: logged and dropped). */
export function parseScoreRequest(body: string): ScoreRequest | undefined {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return undefined;
  }
  const candidate = value as Partial<ScoreRequest> | null;
  if (
    typeof candidate?.submissionId !== 'string' ||
    !Array.isArray(candidate.reportIds) ||
    !candidate.reportIds.every((id) => typeof id === 'string')
  ) {
    return undefined;
  }
  return { submissionId: candidate.submissionId, reportIds: candidate.reportIds };
}
