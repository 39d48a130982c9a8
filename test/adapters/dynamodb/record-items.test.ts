import { describe, expect, it } from 'vitest';
import {
  messageIdKey,
  reportItem,
  shardOf,
  WRITE_SHARDS,
} from '../../../shared/adapters/dynamodb/record-items.ts';
import { sampleReport } from './sample-records.ts';

describe('shardOf', () => {
  it('puts the same id in the same shard every time and spreads ids over every shard', () => {
    expect(shardOf('sub-42-0')).toBe(shardOf('sub-42-0'));
    const used = new Set(Array.from({ length: 200 }, (_, i) => shardOf(`sub-${i}-0`)));
    expect([...used].sort()).toEqual(Array.from({ length: WRITE_SHARDS }, (_, i) => i));
  });
});

describe('messageIdKey', () => {
  it('normalises a Message-ID as the parser does: no angle brackets, no whitespace, lower case', () => {
    expect(messageIdKey('<Abc.123@Mail.Example>')).toBe('abc.123@mail.example');
    expect(messageIdKey(' <abc@\r\n mail.example> ')).toBe('abc@mail.example');
    expect(messageIdKey('abc@mail.example')).toBe('abc@mail.example');
    expect(messageIdKey(undefined)).toBeUndefined();
    expect(messageIdKey('<>')).toBeUndefined();
  });

  it('keeps a 1,024-byte Message-ID verbatim and hashes a longer one far below the 2,048-byte key limit', () => {
    const atLimit = `${'a'.repeat(1024 - '@x.example'.length)}@x.example`;
    expect(messageIdKey(atLimit)).toBe(atLimit);
    const longer = `<${'ü'.repeat(1000)}@x.example>`;
    const key = messageIdKey(longer) ?? '';
    expect(key).toMatch(/^sha256 [0-9a-f]{64}$/);
    expect(messageIdKey(longer.toUpperCase())).toBe(key);
    expect(Buffer.byteLength(key)).toBeLessThan(2048);
  });

  it('writes the key beside the record, and leaves it out when the report has no Message-ID (sparse index)', () => {
    expect(reportItem(sampleReport('r', { messageId: '<X@Y.example>' })).messageIdKey).toEqual({
      S: 'x@y.example',
    });
    expect(reportItem(sampleReport('r', { messageId: undefined })).messageIdKey).toBeUndefined();
  });
});
