import { reevaluateTenants } from '../../shared/core/score/index.ts';
import type { ScoringDeps } from '../../shared/core/score/scoring-deps.ts';

/**
 * How often the server re-evaluates the tenants with the highest scores. Warnings clear and probations end when a
 * tenant is evaluated; without this, a tenant that receives no further reports would stay `warned` forever.
 * Five minutes keeps a state at most that late while costing a handful of reads per run.
 */
export const STANDING_REVIEW_INTERVAL_MS = 5 * 60_000;

/** Options for the periodic review; the clock is injected so tests need not wait. */
export interface StandingReviewOptions {
  readonly scoring: ScoringDeps;
  readonly log: (line: string) => void;
  readonly intervalMs?: number;
  readonly now?: () => string;
}

/** A scheduled review, and one run of it on demand (used by tests and at start-up). */
export interface StandingReview {
  runOnce(): Promise<number>;
  /** Stops the schedule and waits for a run in progress, so nothing touches the stores once they are closed. */
  stop(): Promise<void>;
}

/** Starts re-evaluating the top tenants every interval; a failed run is logged and retried next time. */
export function startStandingReview(options: StandingReviewOptions): StandingReview {
  const now = options.now ?? (() => new Date().toISOString());
  let running: Promise<number> | undefined;
  const runOnce = async (): Promise<number> => {
    // One run at a time: a slow store must not pile up overlapping reviews.
    running ??= reevaluateTenants(options.scoring, now()).finally(() => {
      running = undefined;
    });
    const changed = await running;
    if (changed > 0)
      options.log(`standing review: ${changed} tenant state${changed === 1 ? '' : 's'} changed`);
    return changed;
  };
  const timer = setInterval(
    () => void runOnce().catch((error) => options.log(`standing review: ${String(error)}`)),
    options.intervalMs ?? STANDING_REVIEW_INTERVAL_MS,
  );
  timer.unref();
  return {
    runOnce,
    stop: async () => {
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
