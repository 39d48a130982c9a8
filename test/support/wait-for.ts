/**
 * Polls a condition against a deadline rather than a count of attempts: on a loaded 2-core CI machine one attempt
 * (a fetch, a file read) can take seconds, so "300 polls of 100 ms" is no bound on time at all, and 30 s is
 * shorter than a cold server start there.
 */

/** Default bound: well under the e2e tests' own timeouts, far above a slow start on a loaded machine. */
export const WAIT_FOR_TIMEOUT_MS = 90_000;
const WAIT_FOR_INTERVAL_MS = 100;

/** How long and how often to poll, and what to name in the error. */
export interface WaitForOptions {
  readonly what: string;
  readonly timeoutMs?: number;
  readonly intervalMs?: number;
  /** Checked before each attempt: a reason to stop waiting at once (a child that exited, say). */
  readonly abortIf?: () => string | undefined;
}

/**
 * Resolves with the first value of `attempt` that is not undefined; an attempt that throws counts as not yet.
 * Rejects naming `what` (and the last error) once the deadline passed, or at once when `abortIf` gives a reason.
 */
export async function waitFor<T>(attempt: () => Promise<T | undefined>, options: WaitForOptions): Promise<T> {
  const deadline = performance.now() + (options.timeoutMs ?? WAIT_FOR_TIMEOUT_MS);
  let lastError: unknown;
  for (;;) {
    const aborted = options.abortIf?.();
    if (aborted !== undefined) throw new Error(`${options.what}: ${aborted}`);
    try {
      const value = await attempt();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (performance.now() > deadline)
      throw new Error(`${options.what}: not within ${options.timeoutMs ?? WAIT_FOR_TIMEOUT_MS} ms`, {
        cause: lastError,
      });
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? WAIT_FOR_INTERVAL_MS));
  }
}
