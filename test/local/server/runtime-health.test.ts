import { describe, expect, it } from 'vitest';
import { createHealthTracker } from '../../../local/server/runtime-health.ts';
import type { SubmissionRecord } from '../../../shared/core/model/index.ts';
import type { RecordStore } from '../../../shared/core/ports.ts';

/** A record store listing `count` submissions in pages, counting the pages read. */
function recordsWith(count: number) {
  const store = {
    pagesRead: 0,
    listSubmissions: (async ({ limit = 50, cursor }) => {
      store.pagesRead++;
      const start = Number(cursor ?? 0);
      const end = Math.min(count, start + limit);
      const items = Array.from(
        { length: end - start },
        (_, i) => ({ submissionId: `s${start + i}` }) as unknown as SubmissionRecord,
      );
      return { items, ...(end < count ? { cursor: String(end) } : {}) };
    }) as RecordStore['listSubmissions'],
  };
  return store;
}

const depth = { ready: 0, inflight: 0, dead: 0 };

describe('createHealthTracker', () => {
  it('counts stored submissions from the records, apart from what this server’s queue processed', async () => {
    // One mail came through `ingest` straight into the records, one through SMTP and this server's queue.
    const health = createHealthTracker(recordsWith(2));
    health.recordProcessed(1);
    const snapshot = await health.snapshot(depth, {});
    expect(snapshot.details).toMatchObject({ storedSubmissions: 2, processedByThisServer: 1 });
    expect(snapshot.details).not.toHaveProperty('processed');
  });

  it('stops counting at 10,000 and reads the records again only after a few seconds', async () => {
    let now = 0;
    const records = recordsWith(12_000);
    const health = createHealthTracker(records, () => now);
    expect((await health.snapshot(depth, {})).details).toMatchObject({ storedSubmissions: '10000+' });
    const pages = records.pagesRead;
    await health.snapshot(depth, {});
    expect(records.pagesRead).toBe(pages);
    now += 6_000;
    await health.snapshot(depth, {});
    expect(records.pagesRead).toBe(2 * pages);
  });

  it('is degraded while dead letters wait, ok again once they are replayed', async () => {
    const health = createHealthTracker();
    expect((await health.snapshot({ ready: 0, inflight: 0, dead: 2 }, {})).status).toBe('degraded');
    expect((await health.snapshot(depth, {})).status).toBe('ok');
  });
});
