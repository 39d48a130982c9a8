import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createSqsScoreQueue,
  parseScoreRequest,
  ScoreQueueError,
} from '../../../shared/adapters/sqs/score-queue.ts';

const sqs = mockClient(SQSClient);
afterAll(() => sqs.restore());

describe('SQS score queue', () => {
  it('sends a request that parses back to the same ids', async () => {
    sqs.reset();
    sqs.on(SendMessageCommand).resolves({});
    const queue = createSqsScoreQueue({
      client: new SQSClient({ region: 'eu-west-1' }),
      queueUrl: 'https://q',
    });
    await queue.enqueue({ submissionId: 's-1', reportIds: ['s-1-0', 's-1-1'] });
    const body = sqs.commandCalls(SendMessageCommand)[0]?.args[0].input.MessageBody ?? '';
    expect(parseScoreRequest(body)).toEqual({ submissionId: 's-1', reportIds: ['s-1-0', 's-1-1'] });
  });

  it('raises ScoreQueueError when SQS refuses, so intake retries the mail', async () => {
    sqs.reset();
    sqs.on(SendMessageCommand).rejects(new Error('throttled'));
    const queue = createSqsScoreQueue({
      client: new SQSClient({ region: 'eu-west-1' }),
      queueUrl: 'https://q',
    });
    await expect(queue.enqueue({ submissionId: 's-1', reportIds: [] })).rejects.toBeInstanceOf(
      ScoreQueueError,
    );
  });

  it.each([
    'not json',
    '{}',
    '{"submissionId":"s","reportIds":"r"}',
    '{"submissionId":1,"reportIds":[]}',
    'null',
  ])('reads %s as no request', (body) => {
    expect(parseScoreRequest(body)).toBeUndefined();
  });
});
