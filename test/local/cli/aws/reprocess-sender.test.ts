import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { sendReprocessMessages } from '../../../../local/cli/aws/reprocess-sender.ts';

const QUEUE_URL = 'https://sqs.eu-west-1.amazonaws.com/123456789012/intake';
const sqs = mockClient(SQSClient);
const client = new SQSClient({ region: 'eu-west-1' });

afterAll(() => sqs.restore());
beforeEach(() => sqs.reset());

const messages = (count: number) =>
  Array.from({ length: count }, (_, i) => ({ submissionId: `s${i}`, body: `{"n":${i}}` }));

describe('sendReprocessMessages', () => {
  it('sends again after a whole call fails, pausing longer before each retry', async () => {
    const pauses: number[] = [];
    sqs
      .on(SendMessageBatchCommand)
      .rejectsOnce(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }))
      .resolves({ Successful: [], Failed: [] });
    const outcome = await sendReprocessMessages(messages(3), {
      sqs: client,
      queueUrl: QUEUE_URL,
      sleep: async (ms) => {
        pauses.push(ms);
      },
    });
    expect(outcome).toEqual({ sent: ['s0', 's1', 's2'], failed: [] });
    expect(sqs.commandCalls(SendMessageBatchCommand)).toHaveLength(2);
    expect(pauses).toEqual([200]);
  });

  it('reports every entry of a batch whose calls all fail, with the last error and the attempts made', async () => {
    const pauses: number[] = [];
    sqs
      .on(SendMessageBatchCommand)
      .rejects(Object.assign(new Error('no such queue'), { name: 'QueueDoesNotExist' }));
    const outcome = await sendReprocessMessages(messages(2), {
      sqs: client,
      queueUrl: QUEUE_URL,
      maxAttempts: 3,
      sleep: async (ms) => {
        pauses.push(ms);
      },
    });
    expect(outcome.sent).toEqual([]);
    expect(outcome.failed).toEqual([
      { submissionId: 's0', reason: 'QueueDoesNotExist: no such queue (after 3 attempts)' },
      { submissionId: 's1', reason: 'QueueDoesNotExist: no such queue (after 3 attempts)' },
    ]);
    expect(pauses).toEqual([200, 400]);
  });

  it('gives entries ids unique within their batch, as SendMessageBatch requires', async () => {
    sqs.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [] });
    const outcome = await sendReprocessMessages(messages(12), { sqs: client, queueUrl: QUEUE_URL });
    expect(outcome.sent).toHaveLength(12);
    for (const call of sqs.commandCalls(SendMessageBatchCommand)) {
      const ids = (call.args[0].input.Entries ?? []).map((entry) => entry.Id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.every((id) => /^[A-Za-z0-9_-]{1,80}$/.test(id ?? ''))).toBe(true);
    }
    expect(sqs.commandCalls(SendMessageBatchCommand)).toHaveLength(2);
  });
});
