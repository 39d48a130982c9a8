import { describe, expect, it } from 'vitest';
import { parseS3Notification } from '../../../../functions/intake/s3-notification.ts';
import {
  batchesOf,
  normaliseTimeBound,
  objectCreatedBody,
  receivedInRange,
  reprocessMessages,
  s3EventKey,
} from '../../../../local/cli/aws/reprocess-messages.ts';

const RAW_MAIL = { bucket: 'raw-mail-bucket', prefix: 'raw/' };

describe('reprocessMessages', () => {
  it('builds bodies the intake parser reads as the submission key with the original received time', () => {
    const messages = reprocessMessages(RAW_MAIL, [
      { submissionId: 'abc-1', receivedAt: '2026-11-20T08:15:30.000Z', receivedAtFrom: 'submission-record' },
      { submissionId: 'def-2', receivedAt: '2026-11-21T09:00:00.000Z', receivedAtFrom: 's3-last-modified' },
    ]);
    expect(messages.map((message) => message.submissionId)).toEqual(['abc-1', 'def-2']);
    expect(messages.map((message) => parseS3Notification(message.body))).toEqual([
      {
        kind: 'objects',
        objects: [{ bucket: 'raw-mail-bucket', key: 'raw/abc-1', eventTime: '2026-11-20T08:15:30.000Z' }],
      },
      {
        kind: 'objects',
        objects: [{ bucket: 'raw-mail-bucket', key: 'raw/def-2', eventTime: '2026-11-21T09:00:00.000Z' }],
      },
    ]);
  });

  it('names the event ObjectCreated:Put, as S3 does for the object SES puts', () => {
    const body = JSON.parse(objectCreatedBody(RAW_MAIL, 'raw/abc-1', '2026-11-20T08:15:30.000Z'));
    expect(body.Records[0]).toMatchObject({
      eventSource: 'aws:s3',
      eventName: 'ObjectCreated:Put',
      s3: { bucket: { name: 'raw-mail-bucket' }, object: { key: 'raw/abc-1' } },
    });
  });
});

describe('s3EventKey', () => {
  it('URL-encodes a key as S3 notifications do, spaces as + and slashes kept, and the parser decodes it back', () => {
    const key = 'raw/odd key+plus=é';
    expect(s3EventKey(key)).toBe('raw/odd+key%2Bplus%3D%C3%A9');
    const parsed = parseS3Notification(objectCreatedBody(RAW_MAIL, key, '2026-11-20T08:15:30.000Z'));
    expect(parsed.kind === 'objects' ? parsed.objects[0]?.key : undefined).toBe(key);
  });
});

describe('batchesOf', () => {
  it('groups messages in tens, the SendMessageBatch limit, keeping their order', () => {
    const batches = batchesOf(Array.from({ length: 23 }, (_, i) => i));
    expect(batches.map((batch) => batch.length)).toEqual([10, 10, 3]);
    expect(batches.flat()).toEqual(Array.from({ length: 23 }, (_, i) => i));
    expect(batchesOf([])).toEqual([]);
  });
});

describe('time bounds', () => {
  it('normalises a bound to the stored ISO form so that text comparison with receivedAt is exact', () => {
    expect(normaliseTimeBound('2026-11-20T08:15:30Z')).toBe('2026-11-20T08:15:30.000Z');
    expect(normaliseTimeBound('2026-11-20')).toBe('2026-11-20T00:00:00.000Z');
    expect(normaliseTimeBound('yesterday')).toBeUndefined();
  });

  it('includes both bounds of the range', () => {
    const since = '2026-11-20T00:00:00.000Z';
    const until = '2026-11-21T00:00:00.000Z';
    expect(receivedInRange(since, since, until)).toBe(true);
    expect(receivedInRange(until, since, until)).toBe(true);
    expect(receivedInRange('2026-11-19T23:59:59.999Z', since, until)).toBe(false);
    expect(receivedInRange('2026-11-21T00:00:00.001Z', since)).toBe(true);
  });
});
