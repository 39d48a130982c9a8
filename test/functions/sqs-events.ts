/** Builders for the events Lambda receives from SQS, shaped as AWS documents them. */
import type { SQSEvent, SQSRecord } from 'aws-lambda';

/** One SQS record carrying `body`. */
export function sqsRecord(messageId: string, body: string): SQSRecord {
  return {
    messageId,
    receiptHandle: `handle-${messageId}`,
    body,
    attributes: {
      ApproximateReceiveCount: '1',
      SentTimestamp: '1795600000000',
      SenderId: 'AIDAEXAMPLE',
      ApproximateFirstReceiveTimestamp: '1795600000001',
    },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:eu-west-1:123456789012:intake',
    awsRegion: 'eu-west-1',
  };
}

/** An SQS event of `records`. */
export function sqsEvent(...records: SQSRecord[]): SQSEvent {
  return { Records: records };
}

/**
 * The body S3 sends to SQS for one created object
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html).
 */
export function s3ObjectCreatedBody(
  bucket: string,
  key: string,
  eventTime = '2026-11-24T11:00:05.000Z',
): string {
  return JSON.stringify({
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: 'eu-west-1',
        eventTime,
        eventName: 'ObjectCreated:Put',
        userIdentity: { principalId: 'AWS:SES' },
        requestParameters: { sourceIPAddress: '10.0.0.1' },
        responseElements: { 'x-amz-request-id': 'R1', 'x-amz-id-2': 'X2' },
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: 'notify-intake',
          bucket: { name: bucket, ownerIdentity: { principalId: 'A1' }, arn: `arn:aws:s3:::${bucket}` },
          object: {
            key: encodeURIComponent(key).replace(/%2F/g, '/'),
            size: 1024,
            eTag: 'e',
            sequencer: '01',
          },
        },
      },
    ],
  });
}

/** The body S3 sends once when a notification configuration is saved. */
export function s3TestEventBody(bucket: string): string {
  return JSON.stringify({
    Service: 'Amazon S3',
    Event: 's3:TestEvent',
    Time: '2026-11-24T10:00:00.000Z',
    Bucket: bucket,
    RequestId: 'R0',
    HostId: 'H0',
  });
}

/** A log sink collecting JSON lines. */
export function collectLog(): { readonly lines: string[]; write: (line: string) => void } {
  const lines: string[] = [];
  return { lines, write: (line) => lines.push(line) };
}
