import type { DiskQueue } from './disk-queue.ts';
import type { QueueEntry } from './queue-entry.ts';

/**
 * What a worker does with a batch of entries: resolves with the failures by entry id (absent = done). Throwing
 * fails the whole batch. Failures are transient by contract ("retry later"); bad input is not an error.
 */
export type QueueBatchHandler<T> = (
  entries: readonly QueueEntry<T>[],
) => Promise<ReadonlyMap<string, unknown>>;

/** A pool of workers draining a queue. */
export interface QueueWorkers {
  /** Wakes idle workers (call after enqueue). */
  notify(): void;
  /** Resolves once nothing is ready or in flight (dead letters aside). */
  idle(): Promise<void>;
  /** Stops taking entries and waits for the ones in progress. */
  stop(): Promise<void>;
}

/** How the pool runs. */
export interface QueueWorkerOptions<T> {
  readonly queue: DiskQueue<T>;
  readonly concurrency: number;
  /** Most entries one worker takes at once (like an SQS batch); 1 handles entries one by one. */
  readonly batchSize?: number;
  /**
   * How long a worker lets a partial batch fill before taking it (like a Lambda event source's batching window);
   * default 0. Larger batches share their per-tenant scoring and store round trips among more entries.
   */
  readonly batchWindowMs?: number;
  readonly handle: QueueBatchHandler<T>;
  /** Told about each failed delivery and whether it will be retried or went to the dead letters. */
  readonly onFailure?: (entry: QueueEntry<T>, error: unknown, outcome: 'retry' | 'dead' | 'stale') => void;
  /**
   * Told when the queue itself fails (a receive that cannot read or move its files: EIO, EMFILE, ENOSPC). The
   * worker waits a poll interval and goes on; entries it had claimed come back after their visibility timeout.
   */
  readonly onQueueError?: (error: unknown) => void;
  /** How often idle workers look for entries other processes added and for expired visibility timeouts. */
  readonly pollMs?: number;
}

/** One second: a `dlq replay` or CLI-queued entry starts within about a second when the server is idle. */
const DEFAULT_POLL_MS = 1_000;

/** Starts `concurrency` workers that receive, handle, and ack or fail entries until stopped. */
export function startQueueWorkers<T>(options: QueueWorkerOptions<T>): QueueWorkers {
  const { queue } = options;
  const pollMs = options.pollMs ?? DEFAULT_POLL_MS;
  const batchSize = options.batchSize ?? 1;
  const batchWindowMs = options.batchWindowMs ?? 0;
  let running = true;
  let wake: (() => void) | undefined;
  let wakePromise: Promise<void> | undefined;
  const idleWaiters: (() => void)[] = [];
  let busy = 0;

  const sleep = (ms: number): Promise<void> => {
    wakePromise ??= new Promise<void>((resolve) => {
      wake = resolve;
    });
    const timer = new Promise<void>((resolve) => setTimeout(resolve, ms).unref());
    return Promise.race([wakePromise, timer]);
  };
  const notify = () => {
    const resolve = wake;
    wake = undefined;
    wakePromise = undefined;
    resolve?.();
  };
  const checkIdle = () => {
    const depth = queue.depth();
    if (busy === 0 && depth.ready === 0 && depth.inflight === 0)
      for (const resolve of idleWaiters.splice(0)) resolve();
  };

  const housekeeping = setInterval(() => {
    void Promise.all([queue.releaseExpired(), queue.rescan()])
      .then(([released, found]) => {
        if (released + found > 0) notify();
        checkIdle();
      })
      .catch(() => undefined);
  }, pollMs);
  housekeeping.unref();

  const fail = async (delivery: Awaited<ReturnType<DiskQueue<T>['receive']>>, error: unknown) => {
    if (delivery === undefined) return;
    try {
      // Not inside the optional call: `f?.(await x)` skips evaluating x when f is absent.
      const outcome = await queue.fail(delivery, error);
      options.onFailure?.(delivery.entry, error, outcome);
    } catch {
      // The disk refused the retry bookkeeping; the visibility timeout redelivers the entry.
    }
  };

  const work = async (): Promise<void> => {
    while (running) {
      const deliveries: NonNullable<Awaited<ReturnType<DiskQueue<T>['receive']>>>[] = [];
      let queueError: unknown;
      // Counted busy from before the first receive, so idle() cannot resolve between receive and ack.
      busy++;
      try {
        const waiting = queue.depth().ready;
        if (batchWindowMs > 0 && waiting > 0 && waiting < batchSize)
          await new Promise((resolve) => setTimeout(resolve, batchWindowMs));
        // All receives start at once: each claims its entry before its first await, and their file moves then
        // share the thread pool with the accepts' fsyncs instead of queueing behind them one after another.
        const received = await Promise.allSettled(Array.from({ length: batchSize }, () => queue.receive()));
        for (const result of received) {
          if (result.status === 'rejected') queueError = result.reason;
          else if (result.value !== undefined) deliveries.push(result.value);
        }
        if (deliveries.length > 0) {
          let failures: ReadonlyMap<string, unknown>;
          try {
            failures = await options.handle(deliveries.map((delivery) => delivery.entry));
          } catch (error) {
            failures = new Map(deliveries.map((delivery) => [delivery.entry.id, error]));
          }
          await Promise.all(
            deliveries.map((delivery) =>
              failures.has(delivery.entry.id)
                ? fail(delivery, failures.get(delivery.entry.id))
                : queue.ack(delivery).catch(() => undefined),
            ),
          );
        }
      } finally {
        busy--;
      }
      if (queueError !== undefined) {
        // A worker loop that threw would end as an unhandled rejection and take the server down with it.
        options.onQueueError?.(queueError);
        await sleep(pollMs);
      } else if (deliveries.length === 0) {
        checkIdle();
        const due = queue.nextDueAt();
        await sleep(due === undefined ? pollMs : Math.max(1, Math.min(pollMs, due - Date.now())));
      }
    }
  };
  const workers = Array.from({ length: options.concurrency }, () => work());

  return {
    notify,
    idle: () =>
      new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        checkIdle();
      }),
    async stop() {
      running = false;
      clearInterval(housekeeping);
      notify();
      await Promise.all(workers);
    },
  };
}
