import { describe, expect, it } from 'vitest';
import { parseS3Notification } from '../../../functions/intake/s3-notification.ts';
import { s3ObjectCreatedBody, s3TestEventBody } from '../sqs-events.ts';

describe('parseS3Notification', () => {
  it('reads bucket, decoded key and event time of a created object', () => {
    expect(parseS3Notification(s3ObjectCreatedBody('raw-mail', 'raw/a b+c', '2026-11-24T11:00:05Z'))).toEqual(
      {
        kind: 'objects',
        objects: [{ bucket: 'raw-mail', key: 'raw/a b+c', eventTime: '2026-11-24T11:00:05.000Z' }],
      },
    );
  });

  it('decodes the + that S3 writes for a space', () => {
    const body = JSON.parse(s3ObjectCreatedBody('raw-mail', 'raw/x')) as {
      Records: { s3: { object: { key: string } } }[];
    };
    body.Records[0]!.s3.object.key = 'raw/a+b%2Bc';
    expect(parseS3Notification(JSON.stringify(body))).toMatchObject({ objects: [{ key: 'raw/a b+c' }] });
  });

  it('skips events other than ObjectCreated', () => {
    const body = JSON.parse(s3ObjectCreatedBody('raw-mail', 'raw/x')) as { Records: { eventName: string }[] };
    body.Records[0]!.eventName = 'ObjectRemoved:Delete';
    expect(parseS3Notification(JSON.stringify(body))).toEqual({ kind: 'objects', objects: [] });
  });

  it('recognises the test event S3 sends when notifications are configured', () => {
    expect(parseS3Notification(s3TestEventBody('raw-mail'))).toEqual({ kind: 'test' });
  });

  it.each([
    ['not JSON', 'body is not JSON'],
    ['{"Records":"x"}', 'no Records array'],
    ['{"Records":[{"eventName":"ObjectCreated:Put"}]}', 'record without bucket, key or eventTime'],
  ])('calls %s invalid with a reason', (body, reason) => {
    expect(parseS3Notification(body)).toEqual({ kind: 'invalid', reason });
  });

  it('calls an unparseable event time invalid rather than throwing', () => {
    expect(parseS3Notification(s3ObjectCreatedBody('raw-mail', 'raw/x', 'yesterday'))).toEqual({
      kind: 'invalid',
      reason: 'eventTime is not a date',
    });
  });
});
