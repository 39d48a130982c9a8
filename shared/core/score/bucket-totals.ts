import type { ReporterTrust } from '../model/records.ts';
import { type BucketEntry, entryName, trustOfReporterId } from './bucket.ts';
import type { ScoringPolicy } from './policy.ts';

/** A window's capped totals at its start, for the 5.7.705 score and the 5.7.750 relay score. */
export interface WindowTotals {
  readonly score: number;
  readonly unregistered: number;
}

/** Per reporter: its uncapped sums in one window (score channel takes max(k, u) per key). */
export interface ReporterSums {
  readonly score: number;
  readonly unregistered: number;
}

/**
 * Sums one window's entries per reporter. Entries are sorted by name first so the floating-point sum is the same
 * bits whatever order they were written in.
 */
export function reporterSums(entries: Iterable<BucketEntry>): Map<string, ReporterSums> {
  const byKey = new Map<string, { reporterId: string; k: number; u: number }>();
  const sorted = [...entries].sort((a, b) => compare(entryName(a), entryName(b)));
  for (const entry of sorted) {
    const id = `${entry.reporterId}_${entry.keyId}`;
    const key = byKey.get(id) ?? { reporterId: entry.reporterId, k: 0, u: 0 };
    if (entry.channel === 'k') key.k = Math.max(key.k, entry.value);
    else key.u = Math.max(key.u, entry.value);
    byKey.set(id, key);
  }
  const sums = new Map<string, { score: number; unregistered: number }>();
  for (const id of [...byKey.keys()].sort(compare)) {
    const key = byKey.get(id)!;
    const sum = sums.get(key.reporterId) ?? { score: 0, unregistered: 0 };
    sum.score += Math.max(key.k, key.u);
    sum.unregistered += key.u;
    sums.set(key.reporterId, sum);
  }
  return sums;
}

/**
 * Capped totals of one window: each reporter adds at most perReporterCap[trust], each trust class at most
 * perTrustClassCap[trust]. Both caps are min() over sums of the window's set of entries, so they depend on which
 * reports arrived, never on the order they arrived in.
 */
export function windowTotals(entries: Iterable<BucketEntry>, policy: ScoringPolicy): WindowTotals {
  const classes = new Map<ReporterTrust, { score: number; unregistered: number }>();
  const sums = reporterSums(entries);
  for (const reporterId of [...sums.keys()].sort(compare)) {
    const sum = sums.get(reporterId)!;
    const trust = trustOfReporterId(reporterId);
    const cap = policy.perReporterCap[trust];
    const total = classes.get(trust) ?? { score: 0, unregistered: 0 };
    total.score += Math.min(sum.score, cap);
    total.unregistered += Math.min(sum.unregistered, cap);
    classes.set(trust, total);
  }
  let score = 0;
  let unregistered = 0;
  for (const trust of [...classes.keys()].sort(compare)) {
    const total = classes.get(trust)!;
    const classCap = policy.perTrustClassCap[trust] ?? Number.POSITIVE_INFINITY;
    score += Math.min(total.score, classCap);
    unregistered += Math.min(total.unregistered, classCap);
  }
  return { score, unregistered };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
