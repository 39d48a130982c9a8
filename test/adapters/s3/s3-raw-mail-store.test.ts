import {
  GetObjectCommand,
  type GetObjectCommandOutput,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createS3RawMailStore, S3RawMailStoreError } from '../../../shared/adapters/s3/s3-raw-mail-store.ts';

const s3 = mockClient(S3Client);
const store = createS3RawMailStore({
  client: new S3Client({ region: 'eu-west-1' }),
  bucket: 'raw-mail',
  prefix: 'raw/',
});

beforeEach(() => s3.reset());
afterAll(() => s3.restore());

describe('S3 raw mail store', () => {
  it('reads the object SES wrote at <prefix><SES message id>', async () => {
    const bytes = new Uint8Array([0x46, 0x72, 0x6f, 0x6d]);
    const body = { transformToByteArray: async () => bytes } as unknown as GetObjectCommandOutput['Body'];
    s3.on(GetObjectCommand, { Bucket: 'raw-mail', Key: 'raw/0100018f-abc' }).resolves({ Body: body });
    expect(await store.get('0100018f-abc')).toEqual(bytes);
  });

  it('answers undefined for a key that does not exist', async () => {
    s3.on(GetObjectCommand).rejects(
      new NoSuchKey({ message: 'The specified key does not exist.', $metadata: {} }),
    );
    expect(await store.get('missing')).toBeUndefined();
  });

  it('wraps any other S3 failure in S3RawMailStoreError with the cause', async () => {
    const cause = Object.assign(new Error('Access Denied'), { name: 'AccessDenied' });
    s3.on(GetObjectCommand).rejects(cause);
    const error = await store.get('denied').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(S3RawMailStoreError);
    expect((error as Error).cause).toBe(cause);
  });

  it('stores raw mail as message/rfc822 under the prefix and returns its s3:// location', async () => {
    s3.on(PutObjectCommand).resolves({});
    const location = await store.put('local-1', new Uint8Array([1, 2, 3]));
    expect(location).toBe('s3://raw-mail/raw/local-1');
    expect(s3.commandCalls(PutObjectCommand)[0]?.args[0].input).toMatchObject({
      Bucket: 'raw-mail',
      Key: 'raw/local-1',
      ContentType: 'message/rfc822',
    });
  });

  it('maps keys to submission ids only under its prefix and never across a slash', () => {
    expect(store.submissionIdOf('raw/0100018f-abc')).toBe('0100018f-abc');
    expect(store.submissionIdOf('other/0100018f-abc')).toBeUndefined();
    expect(store.submissionIdOf('raw/nested/key')).toBeUndefined();
    expect(store.submissionIdOf('raw/')).toBeUndefined();
    expect(store.locationOf('0100018f-abc')).toBe('s3://raw-mail/raw/0100018f-abc');
  });

  it('refuses an id that would leave the prefix', async () => {
    await expect(store.get('../secrets')).rejects.toThrow(RangeError);
  });
});
