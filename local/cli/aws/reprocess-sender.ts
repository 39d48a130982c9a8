/**
 * Sends `aws-reprocess` messages to the intake queue with SendMessageBatch (10 per call). SQS answers a batch
 * entry by entry; entries it reports as Failed through no fault of ours (throttling, an internal error) are sent
 * again a bounded number of times, with a growing pause, and whatever still fails is reported with SQS's reason.
 */
import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { batchesOf, type ReprocessMessage } from './reprocess-messages.ts';

/** Tries per entry: the first send plus retries; a submission left over is reported, not lost (rerun it). */
export const MAX_SEND_ATTEMPTS = 4;
/** Pause before the first retry, doubled before each further one: lets SQS throttling pass. */
export const RETRY_BASE_MS = 200;

/** A message SQS did not take, with its reason. */
export interface FailedMessage {
  readonly submissionId: string;
  readonly reason: string;
}

/** What the sending did. */
export interface SendOutcome {
  readonly sent: string[];
  readonly failed: FailedMessage[];
}

/** How to send. */
export interface SendOptions {
  readonly sqs: SQSClient;
  readonly queueUrl: string;
  readonly maxAttempts?: number;
  /** Waits between attempts; tests pass one that does not. */
  readonly sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends every message in batches of 10; see the module comment. */
export async function sendReprocessMessages(
  messages: readonly ReprocessMessage[],
  options: SendOptions,
): Promise<SendOutcome> {
  const outcome: SendOutcome = { sent: [], failed: [] };
  for (const batch of batchesOf(messages)) {
    const result = await sendBatch(batch, options);
    outcome.sent.push(...result.sent);
    outcome.failed.push(...result.failed);
  }
  return outcome;
}

async function sendBatch(batch: readonly ReprocessMessage[], options: SendOptions): Promise<SendOutcome> {
  const maxAttempts = options.maxAttempts ?? MAX_SEND_ATTEMPTS;
  const sleep = options.sleep ?? defaultSleep;
  // Entry ids must be unique within one request (letters, digits, - and _): the position in the batch.
  let pending = batch.map((message, index) => ({ id: `m${index}`, message, reason: '' }));
  const outcome: SendOutcome = { sent: [], failed: [] };
  for (let attempt = 1; pending.length > 0 && attempt <= maxAttempts; attempt++) {
    if (attempt > 1) await sleep(RETRY_BASE_MS * 2 ** (attempt - 2));
    try {
      const response = await options.sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: options.queueUrl,
          Entries: pending.map((entry) => ({ Id: entry.id, MessageBody: entry.message.body })),
        }),
      );
      const failures = new Map((response.Failed ?? []).map((failure) => [failure.Id, failure]));
      const retry: typeof pending = [];
      for (const entry of pending) {
        const failure = failures.get(entry.id);
        if (failure === undefined) {
          outcome.sent.push(entry.message.submissionId);
          continue;
        }
        const reason = `${failure.Code ?? 'Failed'}: ${failure.Message ?? 'no message'}`;
        // A sender fault (a body SQS rejects, a missing queue, no permission) fails the same way every time.
        if (failure.SenderFault) outcome.failed.push({ submissionId: entry.message.submissionId, reason });
        else retry.push({ ...entry, reason });
      }
      pending = retry;
    } catch (error) {
      // The whole call failed after the SDK's own retries; every entry is still unsent.
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      pending = pending.map((entry) => ({ ...entry, reason }));
    }
  }
  for (const entry of pending) {
    outcome.failed.push({
      submissionId: entry.message.submissionId,
      reason: `${entry.reason} (after ${maxAttempts} attempts)`,
    });
  }
  return outcome;
}
