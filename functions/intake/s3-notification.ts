import type { S3EventRecord } from 'aws-lambda';

/** One object S3 reported as created. */
export interface CreatedObject {
  readonly bucket: string;
  /** Decoded key (S3 URL-encodes keys in notifications, spaces as `+`). */
  readonly key: string;
  /** When S3 stored the object: the time SES received the mail, to the second. */
  readonly eventTime: string;
}

/** What one SQS message from S3 holds. */
export type S3Notification =
  | { readonly kind: 'objects'; readonly objects: readonly CreatedObject[] }
  /** Sent once when the notification configuration is saved. */
  | { readonly kind: 'test' }
  | { readonly kind: 'invalid'; readonly reason: string };

/**
 * Reads an S3 event notification from an SQS message body
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html).
 */
export function parseS3Notification(body: string): S3Notification {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return { kind: 'invalid', reason: 'body is not JSON' };
  }
  const message = value as { Event?: unknown; Records?: unknown } | null;
  if (message?.Event === 's3:TestEvent') return { kind: 'test' };
  if (!Array.isArray(message?.Records)) return { kind: 'invalid', reason: 'no Records array' };
  const objects: CreatedObject[] = [];
  for (const record of message.Records as Partial<S3EventRecord>[]) {
    const bucket = record.s3?.bucket?.name;
    const key = record.s3?.object?.key;
    if (typeof bucket !== 'string' || typeof key !== 'string' || typeof record.eventTime !== 'string') {
      return { kind: 'invalid', reason: 'record without bucket, key or eventTime' };
    }
    const time = Date.parse(record.eventTime);
    if (Number.isNaN(time)) return { kind: 'invalid', reason: 'eventTime is not a date' };
    if (!record.eventName?.startsWith('ObjectCreated:')) continue;
    objects.push({ bucket, key: decodeKey(key), eventTime: new Date(time).toISOString() });
  }
  return { kind: 'objects', objects };
}

function decodeKey(key: string): string {
  try {
    return decodeURIComponent(key.replace(/\+/g, ' '));
  } catch {
    return key;
  }
}
