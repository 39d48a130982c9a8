import type { RuntimeHealth } from '../../shared/http/api-deps.ts';
import type { QueueDepth } from '../queue/queue-entry.ts';

/** Counters the server keeps for `/health` and the banner. */
export interface HealthTracker {
  recordProcessed(count?: number): void;
  recordFailure(message: string, at: string): void;
  /** The `/health` answer for the current queue depth. */
  snapshot(depth: QueueDepth, details: Readonly<Record<string, unknown>>): RuntimeHealth;
}

/** Tracks processed submissions and the last failure; the queue supplies depth and dead letters. */
export function createHealthTracker(): HealthTracker {
  let processed = 0;
  let failures = 0;
  let lastError: { message: string; at: string } | undefined;
  return {
    recordProcessed: (count = 1) => {
      processed += count;
    },
    recordFailure: (message, at) => {
      failures++;
      lastError = { message, at };
    },
    snapshot: (depth, details) => ({
      status: 'ok',
      queueDepth: depth.ready + depth.inflight,
      deadLetters: depth.dead,
      ...(lastError ? { lastError: `${lastError.at} ${lastError.message}` } : {}),
      details: { ...details, processed, failures, ready: depth.ready, inflight: depth.inflight },
    }),
  };
}
