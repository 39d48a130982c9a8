import type { RecordStore } from '../../shared/core/ports.ts';
import type { RuntimeHealth } from '../../shared/http/api-deps.ts';
import type { QueueDepth } from '../queue/queue-entry.ts';

/** Counters the server keeps for `/health` and the banner. */
export interface HealthTracker {
  recordProcessed(count?: number): void;
  recordFailure(message: string, at: string): void;
  /** The `/health` answer for the current queue depth. */
  snapshot(depth: QueueDepth, details: Readonly<Record<string, unknown>>): Promise<RuntimeHealth>;
}

/** Beyond this many stored submissions `/health` says `10000+` rather than paging through them all. */
const MAX_COUNTED_SUBMISSIONS = 10_000;
/** `/health` may be polled every second; the stored count is read again at most this often. */
const STORED_COUNT_TTL_MS = 5_000;

/**
 * Tracks the submissions this server's queue processed and the last failure; the queue supplies depth and dead
 * letters. `storedSubmissions` comes from the records (so mail fed by `ingest` without the server counts too),
 * `processedByThisServer` only from this process's queue since it started.
 */
export function createHealthTracker(
  records?: Pick<RecordStore, 'listSubmissions'>,
  clock: () => number = Date.now,
): HealthTracker {
  let processed = 0;
  let failures = 0;
  let lastError: { message: string; at: string } | undefined;
  let stored: { value: number | string; at: number } | undefined;
  const storedSubmissions = async (): Promise<number | string | undefined> => {
    if (records === undefined) return undefined;
    if (stored !== undefined && clock() - stored.at < STORED_COUNT_TTL_MS) return stored.value;
    let count = 0;
    let cursor: string | undefined;
    do {
      const page = await records.listSubmissions({ limit: 500, ...(cursor ? { cursor } : {}) });
      count += page.items.length;
      cursor = page.cursor;
    } while (cursor && count < MAX_COUNTED_SUBMISSIONS);
    const value = count >= MAX_COUNTED_SUBMISSIONS ? `${MAX_COUNTED_SUBMISSIONS}+` : count;
    stored = { value, at: clock() };
    return value;
  };
  return {
    recordProcessed: (count = 1) => {
      processed += count;
    },
    recordFailure: (message, at) => {
      failures++;
      lastError = { message, at };
    },
    snapshot: async (depth, details) => {
      const total = await storedSubmissions();
      return {
        // As on AWS: a dead letter is a submission no worker could finish; monitoring should see it (503).
        status: depth.dead > 0 ? 'degraded' : 'ok',
        queueDepth: depth.ready + depth.inflight,
        deadLetters: depth.dead,
        ...(lastError ? { lastError: `${lastError.at} ${lastError.message}` } : {}),
        details: {
          ...details,
          ...(total === undefined ? {} : { storedSubmissions: total }),
          processedByThisServer: processed,
          failures,
          ready: depth.ready,
          inflight: depth.inflight,
        },
      };
    },
  };
}
