import { describe, expect, it } from 'vitest';
import { mapConcurrently } from '../../../shared/core/async/map-concurrently.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('mapConcurrently', () => {
  it('returns results in input order whatever order the calls finish in', async () => {
    const results = await mapConcurrently([30, 10, 20], 3, async (ms) => {
      await new Promise((resolve) => setTimeout(resolve, ms));
      return ms * 2;
    });
    expect(results).toEqual([60, 20, 40]);
  });

  it('keeps at most `limit` calls in flight', async () => {
    let running = 0;
    let most = 0;
    await mapConcurrently(
      Array.from({ length: 20 }, (_, i) => i),
      4,
      async () => {
        running++;
        most = Math.max(most, running);
        await tick();
        running--;
      },
    );
    expect(most).toBe(4);
  });

  it('starts nothing after a failure and waits for the running calls before rethrowing', async () => {
    const started: number[] = [];
    const finished: number[] = [];
    const run = mapConcurrently([0, 1, 2, 3, 4, 5], 2, async (n) => {
      started.push(n);
      if (n === 0) throw new Error('boom');
      await tick();
      finished.push(n);
    });
    await expect(run).rejects.toThrow('boom');
    expect(started).toEqual([0, 1]);
    expect(finished).toEqual([1]);
  });

  it('returns an empty list for no items', async () => {
    expect(await mapConcurrently([], 8, async () => 1)).toEqual([]);
  });
});
