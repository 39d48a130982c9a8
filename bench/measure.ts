/** Throughput of one operation on one input, measured on this core. */
export interface Throughput {
  readonly iterations: number;
  readonly opsPerSecond: number;
  readonly mbPerSecond: number;
}

/** Rounds per measurement; subjects alternate within each round so a busy neighbour hurts them alike. */
export const ROUNDS = 5;
/** Time per subject per round, in milliseconds. */
export const ROUND_MS = 400;
/** Warm-up time per subject so the JIT has compiled the hot paths before timing starts. */
export const WARMUP_MS = 300;

async function timeFor(
  operation: () => unknown,
  budgetMs: number,
): Promise<{ iterations: number; ms: number }> {
  let iterations = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < budgetMs) {
    await operation();
    iterations++;
    elapsed = performance.now() - started;
  }
  return { iterations, ms: elapsed };
}

/**
 * Measures each operation in ROUNDS interleaved rounds after a warm-up and keeps each one's best round: on a
 * shared machine the best round is the one least disturbed. `bytes` is the input size one operation handles.
 * Operations may be async (mailparser is).
 */
export async function measureThroughputs(
  operations: readonly (() => unknown)[],
  bytes: number,
): Promise<Throughput[]> {
  for (const operation of operations) await timeFor(operation, WARMUP_MS);
  const best = operations.map(() => 0);
  const iterations = operations.map(() => 0);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [index, operation] of operations.entries()) {
      globalThis.gc?.();
      const timed = await timeFor(operation, ROUND_MS);
      iterations[index]! += timed.iterations;
      best[index] = Math.max(best[index]!, timed.iterations / (timed.ms / 1000));
    }
  }
  return best.map((opsPerSecond, index) => ({
    iterations: iterations[index]!,
    opsPerSecond,
    mbPerSecond: (opsPerSecond * bytes) / 1e6,
  }));
}

function heapAndBuffers(): number {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

/**
 * Extra memory of one operation over the baseline just before it: JS heap plus ArrayBuffers, sampled after the
 * operation without collecting (so garbage made during it counts: an upper bound of the peak when no GC ran),
 * and what stays after a full collection while the result is held. Needs `node --expose-gc`.
 */
export async function measureExtraMemory(
  operation: () => unknown,
): Promise<{ peak: number; retained: number }> {
  globalThis.gc?.();
  globalThis.gc?.();
  const baseline = heapAndBuffers();
  const result = await operation();
  const peak = heapAndBuffers() - baseline;
  globalThis.gc?.();
  const retained = heapAndBuffers() - baseline;
  // Keep the result alive until here so `retained` includes it.
  if (result === Symbol.for('never')) console.log(result);
  return { peak: Math.max(0, peak), retained: Math.max(0, retained) };
}
