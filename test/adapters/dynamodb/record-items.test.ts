import { describe, expect, it } from 'vitest';
import { shardOf, WRITE_SHARDS } from '../../../shared/adapters/dynamodb/record-items.ts';

describe('shardOf', () => {
  it('puts the same id in the same shard every time and spreads ids over every shard', () => {
    expect(shardOf('sub-42-0')).toBe(shardOf('sub-42-0'));
    const used = new Set(Array.from({ length: 200 }, (_, i) => shardOf(`sub-${i}-0`)));
    expect([...used].sort()).toEqual(Array.from({ length: WRITE_SHARDS }, (_, i) => i));
  });
});
