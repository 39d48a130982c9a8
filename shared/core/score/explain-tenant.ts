import type { ReportRecord } from '../model/records.ts';
import type { Tenant } from '../model/tenant.ts';
import { isRegistered } from '../restrictions/registered-domain.ts';
import { dedupeKeyOf, reporterIdentity } from './contributions.ts';
import { decayFactor } from './decay.ts';
import { reportWeight } from './report-weight.ts';
import { lookbackStart } from './score-of-buckets.ts';
import type { ScoringDeps } from './scoring-deps.ts';
import { loadStanding, type TenantStandingView } from './standing-view.ts';
import { tenantReports } from './tenant-reports.ts';

/** One value of one dimension and what reports carrying it add now (decayed, before per-reporter caps). */
export interface Contributor {
  readonly key: string;
  readonly score: number;
  readonly count: number;
  /** Sending domains: whether the tenant registered it as an accepted domain. */
  readonly registered?: boolean;
}

/** The dimensions an explanation breaks the score down by (issue 5 §5). */
export const EXPLANATION_DIMENSIONS = [
  'reports',
  'senders',
  'sourceIps',
  'domains',
  'reporters',
  'feedbackTypes',
] as const;
export type ExplanationDimension = (typeof EXPLANATION_DIMENSIONS)[number];

/** Why a tenant's score is what it is. */
export interface TenantExplanation extends TenantStandingView {
  readonly contributors: Readonly<Record<ExplanationDimension, readonly Contributor[]>>;
  /** Reports of the tenant read (newest first, within the lookback, at most EXPLAIN_REPORT_LIMIT). */
  readonly reportsConsidered: number;
  /** Of those, how many count toward a restriction (restrict-capable attribution and a positive weight). */
  readonly reportsCounted: number;
  readonly summary: string;
}

/** Reports read for one explanation: enough to name the top contributors without reading a flood in full. */
export const EXPLAIN_REPORT_LIMIT = 2000;
/** Contributors listed per dimension. */
export const TOP_CONTRIBUTORS = 10;

/**
 * Explains a tenant from its standing, its stored score and its recent reports
 * (RecordStore.queryReports by tenant, newest first, within the score's lookback).
 */
export async function explainTenant(
  tenantId: string,
  deps: ScoringDeps,
  now: string,
): Promise<TenantExplanation> {
  const { view, tenant, policy } = await loadStanding(tenantId, deps, now);
  const range = { from: lookbackStart(policy, now), to: now };
  const reports = await tenantReports(deps.records, tenantId, range, EXPLAIN_REPORT_LIMIT);
  const tallies = new Map<ExplanationDimension, Map<string, { score: number; count: number }>>(
    EXPLANATION_DIMENSIONS.map((dimension) => [dimension, new Map()]),
  );
  const seen = new Set<string>();
  let counted = 0;
  for (const report of reports) {
    const dedupe = dedupeKeyOf(report, tenantId);
    if (seen.has(dedupe)) continue;
    seen.add(dedupe);
    const { weight } = reportWeight(report, policy);
    const score = weight * decayFactor(report.receivedAt, now, policy.halfLifeHours);
    if (weight > 0) counted++;
    for (const [dimension, key] of dimensionKeys(report)) {
      const tally = tallies.get(dimension)!;
      const entry = tally.get(key) ?? { score: 0, count: 0 };
      entry.score += score;
      entry.count += 1;
      tally.set(key, entry);
    }
  }
  const contributors = Object.fromEntries(
    EXPLANATION_DIMENSIONS.map((dimension) => [dimension, top(tallies.get(dimension)!, dimension, tenant)]),
  ) as Record<ExplanationDimension, Contributor[]>;
  return {
    ...view,
    contributors,
    reportsConsidered: reports.length,
    reportsCounted: counted,
    summary: summarize(view, contributors, reports.length, counted),
  };
}

function dimensionKeys(report: ReportRecord): [ExplanationDimension, string][] {
  const keys: [ExplanationDimension, string][] = [
    ['reports', report.reportId],
    ['reporters', reporterIdentity(report)],
    ['feedbackTypes', report.feedback.feedbackType],
  ];
  if (report.senderAddress !== undefined) keys.push(['senders', report.senderAddress]);
  if (report.sourceIp !== undefined) keys.push(['sourceIps', report.sourceIp]);
  const domains = new Set<string>();
  if (report.senderDomain !== undefined) domains.add(report.senderDomain.toLowerCase());
  if (report.attribution.outcome === 'attributed') {
    for (const domain of report.attribution.unregisteredDomains) domains.add(domain.toLowerCase());
  }
  for (const domain of domains) keys.push(['domains', domain]);
  return keys;
}

function top(
  tally: Map<string, { score: number; count: number }>,
  dimension: ExplanationDimension,
  tenant: Tenant | undefined,
): Contributor[] {
  return [...tally.entries()]
    .map(([key, { score, count }]) => ({
      key,
      score,
      count,
      ...(dimension === 'domains' ? { registered: isRegistered(tenant, key) } : {}),
    }))
    .sort((a, b) => b.score - a.score || b.count - a.count || (a.key < b.key ? -1 : 1))
    .slice(0, TOP_CONTRIBUTORS);
}

function summarize(
  view: TenantStandingView,
  contributors: Record<ExplanationDimension, Contributor[]>,
  considered: number,
  counted: number,
): string {
  const lines = [
    `Tenant ${view.tenantId} is ${view.state}: score ${view.score.toFixed(2)} ` +
      `(warn at ${view.warnThreshold.toFixed(2)}, restrict at ${view.restrictThreshold.toFixed(2)}); ` +
      `unregistered-domain score ${view.unregisteredScore.toFixed(2)} (restrict at ${view.unregisteredThreshold.toFixed(2)}).`,
    `${counted} of ${considered} recent reports count toward a restriction.`,
  ];
  for (const restriction of view.restrictions)
    lines.push(`In force since ${restriction.since}: ${restriction.smtpReply}`);
  const name = (dimension: ExplanationDimension, label: string) => {
    const first = contributors[dimension][0];
    if (first !== undefined)
      lines.push(`Top ${label}: ${first.key} (${first.count} reports, ${first.score.toFixed(2)}).`);
  };
  name('feedbackTypes', 'feedback type');
  name('reporters', 'reporter');
  name('senders', 'sender');
  name('domains', 'sending domain');
  name('sourceIps', 'source IP');
  const unregistered = contributors.domains.filter((domain) => domain.registered === false).map((d) => d.key);
  if (unregistered.length > 0)
    lines.push(`Domains the tenant has not registered: ${unregistered.join(', ')}.`);
  return lines.join('\n');
}
