/**
 * The pure part of `abuse-intake aws-reprocess`: stored raw mail chosen for another run becomes the S3 event
 * notifications the intake queue normally receives from S3. Each carries the submission's original received time
 * as `eventTime`, which the intake function takes as `receivedAt`, so the re-run yields the same report ids and
 * score keys as the first run and nothing is counted twice.
 */

/** SendMessageBatch takes at most 10 entries (SQS quotas). */
export const SQS_BATCH_LIMIT = 10;

/** Where the received time of a submission to reprocess came from. */
export type ReceivedAtSource = 'submission-record' | 's3-last-modified';

/** One stored raw mail to send through intake again. */
export interface ReprocessTarget {
  readonly submissionId: string;
  /** ISO 8601 UTC: the submission record's receivedAt, or the object's LastModified when there is no record. */
  readonly receivedAt: string;
  readonly receivedAtFrom: ReceivedAtSource;
}

/** One intake queue message: the submission it re-runs and the S3 event body. */
export interface ReprocessMessage {
  readonly submissionId: string;
  readonly body: string;
}

/** Where SES stored the raw mail. */
export interface RawMailLocation {
  readonly bucket: string;
  /** The receipt rule's object key prefix (`raw/`). */
  readonly prefix: string;
}

/**
 * A key as S3 writes it into event notifications: URL-encoded with spaces as `+`, slashes kept
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html).
 */
export function s3EventKey(key: string): string {
  return encodeURIComponent(key).replace(/%2F/g, '/').replace(/%20/g, '+');
}

/** Marks the notification as ours in the fields S3 fills with the writer and the configuration. */
const ORIGIN = 'abuse-intake-aws-reprocess';

/** The `ObjectCreated:Put` notification body for one object, shaped as S3 sends it to SQS (event version 2.1). */
export function objectCreatedBody(location: RawMailLocation, key: string, eventTime: string): string {
  return JSON.stringify({
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        eventTime,
        eventName: 'ObjectCreated:Put',
        userIdentity: { principalId: ORIGIN },
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: ORIGIN,
          bucket: { name: location.bucket, arn: `arn:aws:s3:::${location.bucket}` },
          object: { key: s3EventKey(key) },
        },
      },
    ],
  });
}

/** The intake queue message re-running each target, in the targets' order. */
export function reprocessMessages(
  location: RawMailLocation,
  targets: readonly ReprocessTarget[],
): ReprocessMessage[] {
  return targets.map((target) => ({
    submissionId: target.submissionId,
    body: objectCreatedBody(location, `${location.prefix}${target.submissionId}`, target.receivedAt),
  }));
}

/** `items` in consecutive groups of at most `size` (SendMessageBatch's limit by default). */
export function batchesOf<T>(items: readonly T[], size = SQS_BATCH_LIMIT): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) batches.push(items.slice(start, start + size));
  return batches;
}

/**
 * A --since/--until value as the ISO 8601 form records store (`toISOString`, milliseconds included), so it
 * compares as text with `receivedAt`; undefined for text that is not a date.
 */
export function normaliseTimeBound(text: string): string | undefined {
  const time = Date.parse(text);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** Whether `receivedAt` lies in the inclusive range (either bound may be absent). */
export function receivedInRange(receivedAt: string, since?: string, until?: string): boolean {
  return (since === undefined || receivedAt >= since) && (until === undefined || receivedAt <= until);
}
