import type { RecordStore } from '../core/ports.ts';
import { iterateReports } from './report-search.ts';

/** Windows the dashboard charts; hourly buckets up to 7 days, daily for 30. */
export const STATS_WINDOWS = {
  '24h': { hours: 24, bucketHours: 1 },
  '7d': { hours: 168, bucketHours: 1 },
  '30d': { hours: 720, bucketHours: 24 },
} as const;
export type StatsWindow = keyof typeof STATS_WINDOWS;

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

/** Counts submissions and reports per bucket over the window ending at `now`. */
export async function intakeStats(
  records: RecordStore,
  window: StatsWindow,
  now: string,
): Promise<IntakeStats> {
  const { hours, bucketHours } = STATS_WINDOWS[window];
  const bucketMs = bucketHours * HOUR_MS;
  // Buckets end at the next whole bucket boundary after now, so the newest is partly filled.
  const end = Math.ceil(Date.parse(now) / bucketMs) * bucketMs;
  const count = Math.ceil(hours / bucketHours);
  const start = end - count * bucketMs;
  const buckets: StatsBucket[] = Array.from({ length: count }, (_, i) => ({
    start: new Date(start + i * bucketMs).toISOString(),
    submissions: 0,
    unusable: 0,
    reports: 0,
    unattributed: 0,
  }));
  const bucketOf = (at: string) => buckets[Math.floor((Date.parse(at) - start) / bucketMs)];
  const from = new Date(start).toISOString();
  let truncated = false;
  let seen = 0;
  let cursor: string | undefined;
  submissions: do {
    const page = await records.listSubmissions({ limit: 500, cursor });
    for (const submission of page.items) {
      if (submission.receivedAt < from) break submissions;
      const bucket = bucketOf(submission.receivedAt);
      if (bucket) {
        bucket.submissions++;
        if (submission.status === 'unusable') bucket.unusable++;
      }
      if (++seen >= MAX_STATS_ITEMS) {
        truncated = true;
        break submissions;
      }
    }
    cursor = page.cursor;
  } while (cursor);
  seen = 0;
  for await (const report of iterateReports(records, { from }, now, MAX_STATS_ITEMS)) {
    const bucket = bucketOf(report.receivedAt);
    if (bucket) {
      bucket.reports++;
      if (report.attribution.outcome === 'unattributed') bucket.unattributed++;
    }
    if (++seen >= MAX_STATS_ITEMS) truncated = true;
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
    from,
    to: new Date(end).toISOString(),
    bucketHours,
    buckets,
    totals,
    unusableRate: totals.submissions ? totals.unusable / totals.submissions : 0,
    unattributedRate: totals.reports ? totals.unattributed / totals.reports : 0,
    truncated,
  };
}
