import type { FeedbackType } from '../model/feedback.ts';
import type { ReportRecord } from '../model/records.ts';
import type { SuppressionEntry } from './ports.ts';

/** Feedback types that mean "this recipient does not want the tenant's mail" (not-spam and auth-failure do not). */
const COMPLAINT_TYPES: ReadonlySet<FeedbackType> = new Set(['abuse', 'fraud', 'virus', 'other', 'opt-out']);

/**
 * Redacted recipients (RFC 6590 §3 leaves the form to the operator): anything saying "redacted", a local part of
 * only x, *, # or dots, or no address at all. Such values name nobody and must not be suppressed.
 */
const REDACTED_LOCAL_PART = /^[x*#.\-_]+$/i;

/** The recipient address of an Original-Rcpt-To value, lower-cased, or undefined when redacted or not an address. */
export function complainingRecipient(value: string): string | undefined {
  const address = value.trim().replace(/^<|>$/g, '').trim().toLowerCase();
  if (address.includes('redacted')) return undefined;
  const at = address.lastIndexOf('@');
  if (at <= 0 || at === address.length - 1 || /\s/.test(address)) return undefined;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (REDACTED_LOCAL_PART.test(local) || REDACTED_LOCAL_PART.test(domain.replace(/\.[a-z]+$/, '')))
    return undefined;
  return address;
}

/**
 * Suppression entries from complaints (issue 5 §7): every unredacted Original-Rcpt-To of a complaint whose
 * attribution may act against the tenant. Forgeable attribution adds nobody, so a forger cannot suppress a
 * tenant's recipients.
 */
export function complaintSuppressions(reports: readonly ReportRecord[]): SuppressionEntry[] {
  const entries = new Map<string, SuppressionEntry>();
  for (const report of reports) {
    const tenantId = report.tenantId;
    if (tenantId === undefined || report.attribution.outcome !== 'attributed') continue;
    if (!report.attribution.restrictCapable || !COMPLAINT_TYPES.has(report.feedback.feedbackType)) continue;
    for (const value of report.feedback.originalRcptTo) {
      const address = complainingRecipient(value);
      if (address === undefined) continue;
      const key = `${tenantId}\u0000${address}`;
      const current = entries.get(key);
      if (current === undefined || earlier(report, current)) {
        entries.set(key, { tenantId, address, firstAt: report.receivedAt, reportId: report.reportId });
      }
    }
  }
  return [...entries.values()];
}

function earlier(report: ReportRecord, entry: SuppressionEntry): boolean {
  return (
    report.receivedAt < entry.firstAt ||
    (report.receivedAt === entry.firstAt && report.reportId < entry.reportId)
  );
}
