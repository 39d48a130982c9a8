import { GetQueueAttributesCommand, type SQSClient, StartMessageMoveTaskCommand } from '@aws-sdk/client-sqs';

/** One work queue and its dead-letter queue. */
export interface QueuePair {
  /** `intake` or `score`, for health details. */
  readonly name: string;
  readonly queueUrl: string;
  readonly deadLetterQueueUrl: string;
  readonly deadLetterQueueArn: string;
}

/** Depths and redrive of the pipeline's queues, for the API's /health and dead-letter replay. */
export interface SqsDeadLetters {
  /** Approximate visible messages: work queues summed, dead-letter queues summed, and per queue. */
  depths(): Promise<{ queueDepth: number; deadLetters: number; byQueue: Record<string, number> }>;
  /**
   * Moves every dead letter back to the queue it came from with SQS's own DLQ redrive (StartMessageMoveTask,
   * asynchronous); `replayed` is how many were waiting when the tasks started.
   */
  redrive(): Promise<{ replayed: number }>;
}

/** SQS allows one move task per queue; a second start fails with this while the first still moves them. */
const TASK_RUNNING = 'UnsupportedOperation';

/** Dead letters of `queues` through `client`. */
export function createSqsDeadLetters(options: {
  readonly client: SQSClient;
  readonly queues: readonly QueuePair[];
}): SqsDeadLetters {
  const visible = async (queueUrl: string): Promise<number> => {
    const { Attributes } = await options.client.send(
      new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['ApproximateNumberOfMessages'] }),
    );
    return Number(Attributes?.ApproximateNumberOfMessages ?? 0);
  };
  return {
    async depths() {
      const byQueue: Record<string, number> = {};
      let queueDepth = 0;
      let deadLetters = 0;
      for (const pair of options.queues) {
        const [work, dead] = await Promise.all([visible(pair.queueUrl), visible(pair.deadLetterQueueUrl)]);
        byQueue[pair.name] = work;
        byQueue[`${pair.name}-dead-letters`] = dead;
        queueDepth += work;
        deadLetters += dead;
      }
      return { queueDepth, deadLetters, byQueue };
    },
    async redrive() {
      let replayed = 0;
      for (const pair of options.queues) {
        const waiting = await visible(pair.deadLetterQueueUrl);
        if (waiting === 0) continue;
        try {
          // Without DestinationArn, SQS returns each message to the queue it was dead-lettered from.
          await options.client.send(new StartMessageMoveTaskCommand({ SourceArn: pair.deadLetterQueueArn }));
        } catch (error) {
          if ((error as { name?: unknown } | null)?.name !== TASK_RUNNING) throw error;
        }
        replayed += waiting;
      }
      return { replayed };
    },
  };
}
