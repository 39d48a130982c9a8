import type { RecordStore } from '../core/ports.ts';
import { iterateReports } from './report-search.ts';

/**
 * Windows the dashboard charts; hourly buckets up to 7 days, daily for 30. `fit` reads 30 days and fits the window
 * to the data (first item minus a margin, to now) with buckets fine enough to show it: on fresh data all activity
 * sits in the last minutes, which an hourly 24 h axis squeezes into one bar at its right edge.
 */
export const STATS_WINDOWS = {
  fit: { hours: 720, bucketHours: 24 },
  '24h': { hours: 24, bucketHours: 1 },
  '7d': { hours: 168, bucketHours: 1 },
  '30d': { hours: 720, bucketHours: 24 },
} as const;
export type StatsWindow = keyof typeof STATS_WINDOWS;

/** Bucket sizes a fitted window picks from (minutes), the smallest that keeps it within FIT_MAX_BUCKETS. */
const FIT_BUCKET_MINUTES = [1, 5, 15, 60, 180, 360, 1440] as const;
const FIT_MAX_BUCKETS = 72;
/** Room left of the first item in a fitted window: a tenth of the span, at least 2 minutes. */
const FIT_MARGIN_SHARE = 0.1;
const FIT_MIN_MARGIN_MS = 120_000;
const MINUTE_MS = 60_000;
const READ_SLACK_HOURS = 24;
const DAY_MINUTES = 1440;

/** Items read per window; beyond this the figures are marked `truncated` rather than slowing the API. */
const MAX_STATS_ITEMS = 50_000;
const HOUR_MS = 3_600_000;

/** Intake counts of one bucket. */
export interface StatsBucket {
  readonly start: string;
  submissions: number;
  unusable: number;
  reports: number;
  unattributed: number;
}

/** Intake volume and rates over a window (issue 8: intake per hour, unusable and unattributed rates). */
export interface IntakeStats {
  readonly window: StatsWindow;
  readonly from: string;
  readonly to: string;
  readonly bucketHours: number;
  readonly buckets: readonly StatsBucket[];
  readonly totals: { submissions: number; unusable: number; reports: number; unattributed: number };
  readonly unusableRate: number;
  readonly unattributedRate: number;
  readonly truncated: boolean;
}

interface Item {
  readonly at: string;
  readonly kind: 'submission' | 'report';
  /** Unusable submission, or unattributed report. */
  readonly failed: boolean;
}

/** Counts submissions and reports per bucket over the window ending at `now` (`fit`: fitted to the data). */
export async function intakeStats(
  records: RecordStore,
  window: StatsWindow,
  now: string,
): Promise<IntakeStats> {
  const { hours } = STATS_WINDOWS[window];
  // One extra day read: the first bucket starts at a bucket boundary before now minus the window.
  const readFrom = new Date(Date.parse(now) - (hours + READ_SLACK_HOURS) * HOUR_MS).toISOString();
  const { items, truncated } = await readItems(records, readFrom, now);
  const { start, end, bucketMs } = layout(window, items, now);
  const count = Math.round((end - start) / bucketMs);
  const buckets: StatsBucket[] = Array.from({ length: count }, (_, i) => ({
    start: new Date(start + i * bucketMs).toISOString(),
    submissions: 0,
    unusable: 0,
    reports: 0,
    unattributed: 0,
  }));
  for (const item of items) {
    const bucket = buckets[Math.floor((Date.parse(item.at) - start) / bucketMs)];
    if (!bucket) continue;
    if (item.kind === 'submission') {
      bucket.submissions++;
      if (item.failed) bucket.unusable++;
    } else {
      bucket.reports++;
      if (item.failed) bucket.unattributed++;
    }
  }
  const totals = { submissions: 0, unusable: 0, reports: 0, unattributed: 0 };
  for (const bucket of buckets) {
    totals.submissions += bucket.submissions;
    totals.unusable += bucket.unusable;
    totals.reports += bucket.reports;
    totals.unattributed += bucket.unattributed;
  }
  return {
    window,
    from: new Date(start).toISOString(),
    to: new Date(end).toISOString(),
    bucketHours: bucketMs / HOUR_MS,
    buckets,
    totals,
    unusableRate: totals.submissions ? totals.unusable / totals.submissions : 0,
    unattributedRate: totals.reports ? totals.unattributed / totals.reports : 0,
    truncated,
  };
}

/**
 * Where the buckets start and end and how long each is. Buckets end at the next whole bucket boundary after now,
 * so the newest is partly filled. A fitted window with no data falls back to 24 hours.
 */
function layout(
  window: StatsWindow,
  items: readonly Item[],
  now: string,
): { start: number; end: number; bucketMs: number } {
  const nowMs = Date.parse(now);
  const first = items.reduce((min, item) => Math.min(min, Date.parse(item.at)), nowMs);
  if (window === 'fit' && first < nowMs) {
    const span = nowMs - first;
    const from = first - Math.max(span * FIT_MARGIN_SHARE, FIT_MIN_MARGIN_MS);
    const minutes =
      FIT_BUCKET_MINUTES.find((m) => (nowMs - from) / (m * MINUTE_MS) <= FIT_MAX_BUCKETS) ?? DAY_MINUTES;
    const bucketMs = minutes * MINUTE_MS;
    return {
      start: Math.floor(from / bucketMs) * bucketMs,
      end: Math.ceil((nowMs + 1) / bucketMs) * bucketMs,
      bucketMs,
    };
  }
  const { hours, bucketHours } = window === 'fit' ? STATS_WINDOWS['24h'] : STATS_WINDOWS[window];
  const bucketMs = bucketHours * HOUR_MS;
  const end = Math.ceil(nowMs / bucketMs) * bucketMs;
  return { start: end - Math.ceil(hours / bucketHours) * bucketMs, end, bucketMs };
}

/** Submissions and reports received in [from, now], at most MAX_STATS_ITEMS of each. */
async function readItems(
  records: RecordStore,
  from: string,
  now: string,
): Promise<{ items: Item[]; truncated: boolean }> {
  const items: Item[] = [];
  let truncated = false;
  let seen = 0;
  let cursor: string | undefined;
  submissions: do {
    const page = await records.listSubmissions({ limit: 500, cursor });
    for (const submission of page.items) {
      if (submission.receivedAt < from) break submissions;
      if (submission.receivedAt <= now)
        items.push({
          at: submission.receivedAt,
          kind: 'submission',
          failed: submission.status === 'unusable',
        });
      if (++seen >= MAX_STATS_ITEMS) {
        truncated = true;
        break submissions;
      }
    }
    cursor = page.cursor;
  } while (cursor);
  seen = 0;
  for await (const report of iterateReports(records, { from }, now, MAX_STATS_ITEMS)) {
    items.push({
      at: report.receivedAt,
      kind: 'report',
      failed: report.attribution.outcome === 'unattributed',
    });
    if (++seen >= MAX_STATS_ITEMS) truncated = true;
  }
  return { items, truncated };
}
