import type { ReportRecord, Tenant } from '../core/model/index.ts';
import { domainMatches } from '../core/tenants/domain-matches.ts';

/** One row of a breakdown: a value (address, IP, domain…) and how many reports carry it. */
export interface BreakdownRow {
  readonly key: string;
  readonly count: number;
  /** Sending domains only: whether the tenant registered the domain as accepted. */
  readonly registered?: boolean;
  /** Newest report with this value, ISO 8601. */
  readonly lastSeen: string;
}

/** Counts of a tenant's reports by the dimensions analysts ask about (issue 8, tenant page). */
export interface TenantBreakdown {
  readonly reports: number;
  readonly senderAddresses: readonly BreakdownRow[];
  readonly sourceIps: readonly BreakdownRow[];
  readonly sendingDomains: readonly BreakdownRow[];
  readonly reporters: readonly BreakdownRow[];
  readonly feedbackTypes: readonly BreakdownRow[];
}

/** Rows kept per dimension; the long tail is not what an analyst acts on. */
export const BREAKDOWN_ROWS = 20;

class Counter {
  readonly #rows = new Map<string, { count: number; lastSeen: string }>();
  add(key: string | undefined, at: string): void {
    if (!key) return;
    const row = this.#rows.get(key);
    if (row) {
      row.count++;
      if (at > row.lastSeen) row.lastSeen = at;
    } else this.#rows.set(key, { count: 1, lastSeen: at });
  }
  top(decorate: (key: string) => Partial<BreakdownRow> = () => ({})): BreakdownRow[] {
    return [...this.#rows.entries()]
      .sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]))
      .slice(0, BREAKDOWN_ROWS)
      .map(([key, row]) => ({ key, count: row.count, lastSeen: row.lastSeen, ...decorate(key) }));
  }
}

/** Breaks a tenant's reports down by sender, source IP, sending domain (registered or not), reporter and type. */
export function breakDownReports(
  reports: Iterable<ReportRecord>,
  tenant: Tenant | undefined,
): TenantBreakdown {
  const senders = new Counter();
  const ips = new Counter();
  const domains = new Counter();
  const reporters = new Counter();
  const types = new Counter();
  let total = 0;
  for (const report of reports) {
    total++;
    const at = report.receivedAt;
    senders.add(report.senderAddress, at);
    ips.add(report.sourceIp, at);
    domains.add(report.senderDomain, at);
    reporters.add(report.reporter.domain ?? report.reporter.envelopeFrom, at);
    types.add(report.feedback.feedbackType, at);
  }
  const registered = (domain: string) =>
    tenant ? tenant.acceptedDomains.some((accepted) => domainMatches(accepted, domain)) : false;
  return {
    reports: total,
    senderAddresses: senders.top(),
    sourceIps: ips.top(),
    sendingDomains: domains.top((key) => ({ registered: registered(key) })),
    reporters: reporters.top(),
    feedbackTypes: types.top(),
  };
}
