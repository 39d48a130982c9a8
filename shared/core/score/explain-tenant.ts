import type { ReportRecord } from '../model/records.ts';
import type { Tenant } from '../model/tenant.ts';
import { isRegistered } from '../restrictions/registered-domain.ts';
import type { TenantStanding } from '../restrictions/standing.ts';
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
  /** Reports carrying the value, duplicates included (the same count the summary and breakdowns use). */
  readonly count: number;
  /** Of those, distinct messages per reporter (the dedupe key): only these add to the score. */
  readonly distinct: number;
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
  /**
   * Reports of the tenant read (newest first, within the lookback, at most EXPLAIN_REPORT_LIMIT); after a lift only
   * those received since it, since the lift forgave the rest.
   */
  readonly reportsConsidered: number;
  /** Of those, distinct messages per reporter (duplicates of one message count once). */
  readonly reportsDistinct: number;
  /** Of the distinct ones, how many count toward a restriction (restrict-capable attribution, positive weight). */
  readonly reportsCounted: number;
  /** When the last lift happened: contributors and counts cover only reports received after it. */
  readonly contributionsSince?: string;
  /** Oldest report read within the lookback, lift or not (where a score chart starts). */
  readonly firstReportAt?: string;
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
  const { view, tenant, policy, standing } = await loadStanding(tenantId, deps, now);
  const range = { from: lookbackStart(policy, now), to: now };
  const read = await tenantReports(deps.records, tenantId, range, EXPLAIN_REPORT_LIMIT);
  // A lift forgives what came before it (the standing's baseline), so what explains the score now is what came after.
  const liftedAt = standing.baseline?.at;
  const reports = liftedAt === undefined ? read : read.filter((report) => report.receivedAt > liftedAt);
  const tallies = new Map<ExplanationDimension, Map<string, Tally>>(
    EXPLANATION_DIMENSIONS.map((dimension) => [dimension, new Map()]),
  );
  const seen = new Set<string>();
  let counted = 0;
  for (const report of reports) {
    const dedupe = dedupeKeyOf(report, tenantId);
    const duplicate = seen.has(dedupe);
    seen.add(dedupe);
    const { weight } = reportWeight(report, policy);
    // A duplicate is shown in the counts but adds nothing: the score counts each dedupe key once.
    const score = duplicate ? 0 : weight * decayFactor(report.receivedAt, now, policy.halfLifeHours);
    if (!duplicate && weight > 0) counted++;
    for (const [dimension, key] of dimensionKeys(report)) {
      const tally = tallies.get(dimension)!;
      const entry = tally.get(key) ?? { score: 0, count: 0, distinct: 0 };
      entry.score += score;
      entry.count += 1;
      if (!duplicate) entry.distinct += 1;
      tally.set(key, entry);
    }
  }
  const contributors = Object.fromEntries(
    EXPLANATION_DIMENSIONS.map((dimension) => [dimension, top(tallies.get(dimension)!, dimension, tenant)]),
  ) as Record<ExplanationDimension, Contributor[]>;
  const counts = { considered: reports.length, distinct: seen.size, counted };
  const oldest = read.at(-1)?.receivedAt;
  return {
    ...view,
    contributors,
    reportsConsidered: counts.considered,
    reportsDistinct: counts.distinct,
    reportsCounted: counted,
    ...(liftedAt === undefined ? {} : { contributionsSince: liftedAt }),
    ...(oldest === undefined ? {} : { firstReportAt: oldest }),
    summary: summarize(view, contributors, counts, liftedAt),
  };
}

/**
 * Whether neither the tenant directory nor the score store knows the tenant (a mistyped id): no standing was ever
 * stored, no score and no report.
 */
export function isUnknownTenant(explanation: TenantExplanation): boolean {
  return (
    !explanation.known &&
    explanation.version === 0 &&
    explanation.rawScore === 0 &&
    explanation.firstReportAt === undefined
  );
}

interface Tally {
  score: number;
  count: number;
  distinct: number;
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
  tally: Map<string, Tally>,
  dimension: ExplanationDimension,
  tenant: Tenant | undefined,
): Contributor[] {
  return [...tally.entries()]
    .map(([key, { score, count, distinct }]) => ({
      key,
      score,
      count,
      distinct,
      ...(dimension === 'domains' ? { registered: isRegistered(tenant, key) } : {}),
    }))
    .sort((a, b) => b.score - a.score || b.count - a.count || (a.key < b.key ? -1 : 1))
    .slice(0, TOP_CONTRIBUTORS);
}

function summarize(
  view: TenantStandingView,
  contributors: Record<ExplanationDimension, Contributor[]>,
  counts: { considered: number; distinct: number; counted: number },
  liftedAt: string | undefined,
): string {
  const lines = [
    `Tenant ${view.tenantId} is ${stateWording(view.state)}: score ${view.score.toFixed(2)} ` +
      `(warn at ${view.warnThreshold.toFixed(2)}, restrict at ${view.restrictThreshold.toFixed(2)}); ` +
      `unregistered-domain score ${view.unregisteredScore.toFixed(2)} (restrict at ${view.unregisteredThreshold.toFixed(2)}).`,
  ];
  if (liftedAt !== undefined)
    lines.push(
      `Since the lift on ${liftedAt} (it forgave the score before it, so only later reports count):`,
    );
  lines.push(countedLine(counts, liftedAt === undefined ? 'recent ' : ''));
  for (const restriction of view.restrictions)
    lines.push(`In force since ${restriction.since}: ${restriction.smtpReply}`);
  const name = (dimension: ExplanationDimension, label: string) => {
    const first = contributors[dimension][0];
    if (first !== undefined)
      lines.push(
        `Top ${label}: ${first.key} — ${reportCount(first.count, first.distinct)}, score ${first.score.toFixed(2)}.`,
      );
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

/** A state as the predicate of "Tenant X is …": `on probation`, otherwise the state itself. */
export function stateWording(state: TenantStanding['state']): string {
  return state === 'probation' ? 'on probation' : state;
}

/** `1 report`, `3 reports`, or `2 reports (1 distinct message)` when duplicates of one message were merged. */
export function reportCount(count: number, distinct: number): string {
  const reports = plural(count, 'report');
  return distinct === count ? reports : `${reports} (${plural(distinct, 'distinct message')})`;
}

function countedLine(
  counts: { considered: number; distinct: number; counted: number },
  scope: string,
): string {
  const { considered, distinct, counted } = counts;
  if (considered === 0) return `No ${scope}reports.`;
  const verb = counted === 1 ? 'counts' : 'count';
  if (distinct === considered)
    return `${counted} of ${plural(considered, `${scope}report`)} ${verb} toward a restriction.`;
  return `Of ${plural(considered, `${scope}report`)} (${plural(distinct, 'distinct message')}), ${counted} ${verb} toward a restriction.`;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
