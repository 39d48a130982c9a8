import type { ScheduledEvent } from 'aws-lambda';
import type { JsonLog } from '../json-log.ts';

/** What the scheduled review needs; main.ts binds reevaluateTenants to the scoring stores. */
export interface StandingReviewDeps {
  /** Re-evaluates the top tenants at `now`; returns how many changed state. */
  readonly reevaluate: (now: string) => Promise<number>;
  readonly now: () => string;
  readonly log: JsonLog;
}

/** Whether the score function was invoked by its EventBridge schedule rather than by the score queue. */
export function isScheduledEvent(event: unknown): event is ScheduledEvent {
  return (
    typeof event === 'object' &&
    event !== null &&
    (event as { source?: unknown }).source === 'aws.events' &&
    (event as { 'detail-type'?: unknown })['detail-type'] === 'Scheduled Event'
  );
}

/**
 * Handles the schedule that re-evaluates tenants: warnings clear and probations end only when a tenant is
 * evaluated, and a tenant that stops drawing reports would otherwise keep its state forever. Errors throw, so
 * the Lambda error alarm sees them; the next tick retries.
 */
export function createStandingReviewHandler(
  deps: StandingReviewDeps,
): (event: ScheduledEvent) => Promise<void> {
  return async (event) => {
    const changed = await deps.reevaluate(deps.now());
    deps.log.info('score.standing-review', { eventId: event.id, changed });
  };
}
