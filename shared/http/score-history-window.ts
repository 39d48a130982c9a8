import type { Parsed } from './query-params.ts';

/** Longest score history the API draws; past a few half-lives old reports contribute nothing visible. */
export const MAX_HISTORY_DAYS = 90;
export const DEFAULT_HISTORY_DAYS = 7;
/**
 * Points per chart: every 5 minutes for a day, coarser for longer windows. Each point re-sums the tenant's reports
 * (at most 5,000), so the cap bounds the work per request.
 */
const MAX_HISTORY_POINTS = 361;
const POINTS_PER_HOUR = 12;
const HOUR_MS = 3_600_000;

/** The instants at which to evaluate a score curve ending at `now`, oldest first. */
export function historyPoints(rawDays: string | undefined, now: string): Parsed<string[]> {
  const days = rawDays === undefined || rawDays === '' ? DEFAULT_HISTORY_DAYS : Number(rawDays);
  if (!Number.isInteger(days) || days < 1 || days > MAX_HISTORY_DAYS) {
    return { ok: false, reason: `days must be an integer from 1 to ${MAX_HISTORY_DAYS}.` };
  }
  const end = Date.parse(now);
  const count = Math.min(days * 24 * POINTS_PER_HOUR + 1, MAX_HISTORY_POINTS);
  const step = (days * 24 * HOUR_MS) / (count - 1);
  return {
    ok: true,
    value: Array.from({ length: count }, (_, i) => new Date(end - (count - 1 - i) * step).toISOString()),
  };
}

/**
 * Room left of the first report (or lift) on a fitted curve: a quarter of the span, at least 15 seconds (demo data
 * arrives within seconds; a wider floor would squeeze it against the right edge again).
 */
const FIT_MARGIN_SHARE = 0.25;
const FIT_MIN_MARGIN_MS = 15_000;

/**
 * The instants of a curve fitted to the data: from `first` (the oldest report or the last lift, whichever is
 * earlier) minus a margin, to `now`; a fixed window on fresh data squeezes it all into a line at the right edge.
 * Without data, the default window.
 */
export function fittedHistoryPoints(first: string | undefined, now: string): string[] {
  const end = Date.parse(now);
  const start = first === undefined ? Number.NaN : Date.parse(first);
  if (!(start < end)) {
    const points = historyPoints(undefined, now);
    return points.ok ? points.value : [];
  }
  const from = Math.max(
    start - Math.max((end - start) * FIT_MARGIN_SHARE, FIT_MIN_MARGIN_MS),
    end - MAX_HISTORY_DAYS * 24 * HOUR_MS,
  );
  const step = (end - from) / (MAX_HISTORY_POINTS - 1);
  return Array.from({ length: MAX_HISTORY_POINTS }, (_, i) =>
    new Date(end - (MAX_HISTORY_POINTS - 1 - i) * step).toISOString(),
  );
}
