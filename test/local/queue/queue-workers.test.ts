import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDiskQueue } from '../../../local/queue/disk-queue.ts';
import { startQueueWorkers } from '../../../local/queue/queue-workers.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function queueWith(ids: readonly string[], maxAttempts = 2) {
  const dir = mkdtempSync(join(tmpdir(), 'abuse-intake-workers-'));
  dirs.push(dir);
  const queue = await openDiskQueue<{ id: string }>({
    dir,
    maxAttempts,
    visibilityTimeoutMs: 10_000,
    retryBaseMs: 1,
  });
  for (const id of ids) await queue.enqueue(id, { id });
  return queue;
}

describe('startQueueWorkers', () => {
  it('hands entries over in batches and acks the ones that succeeded', async () => {
    const queue = await queueWith(['a', 'b', 'c', 'd', 'e']);
    const batches: string[][] = [];
    const workers = startQueueWorkers({
      queue,
      concurrency: 1,
      batchSize: 3,
      handle: async (entries) => {
        batches.push(entries.map((entry) => entry.id));
        return new Map();
      },
    });
    await workers.idle();
    await workers.stop();
    expect(batches).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e'],
    ]);
    expect(queue.depth()).toEqual({ ready: 0, inflight: 0, dead: 0 });
  });

  it('retries only the failed entries of a batch and dead-letters them after maxAttempts', async () => {
    const queue = await queueWith(['good', 'poison']);
    const outcomes: string[] = [];
    const seen: string[] = [];
    const workers = startQueueWorkers({
      queue,
      concurrency: 2,
      batchSize: 10,
      pollMs: 20,
      handle: async (entries) => {
        seen.push(...entries.map((entry) => entry.id));
        return new Map(
          entries.filter((entry) => entry.id === 'poison').map((entry) => [entry.id, new Error('bug')]),
        );
      },
      onFailure: (entry, _error, outcome) => outcomes.push(`${entry.id}:${entry.attempts}:${outcome}`),
    });
    await workers.idle();
    await workers.stop();
    expect(seen.filter((id) => id === 'good')).toHaveLength(1);
    expect(outcomes).toEqual(['poison:1:retry', 'poison:2:dead']);
    expect(queue.depth()).toEqual({ ready: 0, inflight: 0, dead: 1 });
  });

  it('fails the whole batch when the handler throws', async () => {
    const queue = await queueWith(['x', 'y'], 1);
    const workers = startQueueWorkers({
      queue,
      concurrency: 1,
      batchSize: 10,
      handle: async () => {
        throw new Error('store down');
      },
    });
    await workers.idle();
    await workers.stop();
    expect((await queue.listDead()).map((entry) => entry.id).sort()).toEqual(['x', 'y']);
  });

  it('survives a queue that fails to receive: reports the error, waits, and goes on', async () => {
    const queue = await queueWith(['m']);
    let failuresLeft = 2;
    const flaky = {
      ...queue,
      receive: () => {
        if (failuresLeft-- > 0)
          return Promise.reject(Object.assign(new Error('EIO: i/o error'), { code: 'EIO' }));
        return queue.receive();
      },
    };
    const errors: string[] = [];
    const handled: string[] = [];
    const workers = startQueueWorkers({
      queue: flaky,
      concurrency: 1,
      pollMs: 10,
      handle: async (entries) => {
        handled.push(...entries.map((entry) => entry.id));
        return new Map();
      },
      onQueueError: (error) => errors.push((error as Error).message),
    });
    await workers.idle();
    await workers.stop();
    expect(errors).toEqual(['EIO: i/o error', 'EIO: i/o error']);
    expect(handled).toEqual(['m']);
    expect(queue.depth()).toEqual({ ready: 0, inflight: 0, dead: 0 });
  });
});
