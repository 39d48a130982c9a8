import { GetQueueAttributesCommand, SQSClient, StartMessageMoveTaskCommand } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createSqsDeadLetters } from '../../../shared/adapters/sqs/sqs-dead-letters.ts';

const sqs = mockClient(SQSClient);
const depth: Record<string, string> = { intake: '3', 'intake-dlq': '2', score: '0', 'score-dlq': '0' };
const pair = (name: string) => ({
  name,
  queueUrl: `https://sqs/${name}`,
  deadLetterQueueUrl: `https://sqs/${name}-dlq`,
  deadLetterQueueArn: `arn:aws:sqs:eu-west-1:123456789012:${name}-dlq`,
});
const deadLetters = createSqsDeadLetters({
  client: new SQSClient({ region: 'eu-west-1' }),
  queues: [pair('intake'), pair('score')],
});

beforeEach(() => {
  sqs.reset();
  for (const [name, count] of Object.entries(depth)) {
    sqs
      .on(GetQueueAttributesCommand, { QueueUrl: `https://sqs/${name}` })
      .resolves({ Attributes: { ApproximateNumberOfMessages: count } });
  }
  sqs.on(StartMessageMoveTaskCommand).resolves({ TaskHandle: 'task-1' });
});
afterAll(() => sqs.restore());

describe('SQS dead letters', () => {
  it('sums work queues and dead-letter queues and names each', async () => {
    expect(await deadLetters.depths()).toEqual({
      queueDepth: 3,
      deadLetters: 2,
      byQueue: { intake: 3, 'intake-dead-letters': 2, score: 0, 'score-dead-letters': 0 },
    });
  });

  it('starts SQS redrive back to the source only for dead-letter queues holding messages', async () => {
    expect(await deadLetters.redrive()).toEqual({ replayed: 2 });
    const started = sqs.commandCalls(StartMessageMoveTaskCommand).map((call) => call.args[0].input);
    expect(started).toEqual([{ SourceArn: 'arn:aws:sqs:eu-west-1:123456789012:intake-dlq' }]);
  });

  it('counts a queue whose redrive is already running instead of failing', async () => {
    sqs
      .on(StartMessageMoveTaskCommand)
      .rejects(Object.assign(new Error('task running'), { name: 'UnsupportedOperation' }));
    expect(await deadLetters.redrive()).toEqual({ replayed: 2 });
  });
});
