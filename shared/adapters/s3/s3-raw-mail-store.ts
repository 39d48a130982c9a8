import { GetObjectCommand, NoSuchKey, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { RawMailStore } from '../../core/ports.ts';

/** S3 answered with something other than the object or "no such key" (throttling, network, permissions). */
export class S3RawMailStoreError extends Error {
  override name = 'S3RawMailStoreError';
}

/** Raw mail in S3: where SES's receipt rule wrote it, plus where the key is recorded. */
export interface S3RawMailStore extends RawMailStore {
  readonly bucket: string;
  readonly prefix: string;
  /** `s3://bucket/key` of a submission, the location recorded on its SubmissionRecord. */
  locationOf(submissionId: string): string;
  /** The submission id of an object key under the prefix, or undefined for keys outside it. */
  submissionIdOf(key: string): string | undefined;
}

/**
 * SES names objects `<prefix><SES message id>`; ids are letters, digits and dashes, so anything with a slash or
 * other character would not be ours.
 */
const SUBMISSION_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

/** The S3 raw mail store over `bucket`, keys `<prefix><submissionId>` (SES's S3 action `objectKeyPrefix`). */
export function createS3RawMailStore(options: {
  readonly client: S3Client;
  readonly bucket: string;
  readonly prefix: string;
}): S3RawMailStore {
  const { client, bucket, prefix } = options;
  const keyOf = (submissionId: string): string => {
    if (!SUBMISSION_ID.test(submissionId)) throw new RangeError(`not a submission id: ${submissionId}`);
    return `${prefix}${submissionId}`;
  };
  return {
    bucket,
    prefix,
    locationOf: (submissionId) => `s3://${bucket}/${keyOf(submissionId)}`,
    submissionIdOf(key) {
      if (!key.startsWith(prefix)) return undefined;
      const id = key.slice(prefix.length);
      return SUBMISSION_ID.test(id) ? id : undefined;
    },
    async put(submissionId, raw) {
      const key = keyOf(submissionId);
      try {
        await client.send(
          new PutObjectCommand({
            Bucket: bucket,
            Key: key,
            Body: raw,
            ContentType: 'message/rfc822',
          }),
        );
      } catch (cause) {
        throw new S3RawMailStoreError(`storing raw mail ${submissionId} failed`, { cause });
      }
      return `s3://${bucket}/${key}`;
    },
    async get(submissionId) {
      const key = keyOf(submissionId);
      try {
        const response = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        if (response.Body === undefined) return new Uint8Array();
        return await response.Body.transformToByteArray();
      } catch (cause) {
        if (cause instanceof NoSuchKey || (cause as { name?: unknown } | null)?.name === 'NoSuchKey') {
          return undefined;
        }
        throw new S3RawMailStoreError(`reading raw mail ${submissionId} failed`, { cause });
      }
    },
  };
}
