import type { FeedbackType, ReportRecord } from '../core/model/index.ts';
import { normalizeMessageId } from '../core/parse/fingerprint.ts';
import type { ReportIndex } from '../core/ports.ts';
import { type Parsed, parseInstant } from './query-params.ts';

/** Report filters, the same as the CLI's `reports list`; each may be combined with the others. */
export interface ReportFilters {
  readonly tenant?: string;
  readonly from?: string;
  readonly to?: string;
  readonly sourceIp?: string;
  readonly senderDomain?: string;
  readonly senderAddress?: string;
  readonly reporter?: string;
  readonly fingerprint?: string;
  readonly messageId?: string;
  readonly feedbackType?: FeedbackType | string;
  readonly attribution?: 'attributed' | 'unattributed';
}

/** The query parameters that are report filters, for the OpenAPI document and exports. */
export const REPORT_FILTER_PARAMS = [
  'tenant',
  'from',
  'to',
  'sourceIp',
  'senderDomain',
  'senderAddress',
  'reporter',
  'fingerprint',
  'messageId',
  'feedbackType',
  'attribution',
] as const;

/** Longest accepted filter value: an address is at most 254 octets (RFC 5321 §4.5.3.1.3 plus a margin). */
const MAX_FILTER_LENGTH = 512;

function clean(value: string | undefined, lower: boolean): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  return lower ? trimmed.toLowerCase() : trimmed;
}

/** Reads report filters from query parameters; domains, addresses and IPs are compared lower-case. */
export function parseReportFilters(
  query: Readonly<Record<string, string | undefined>>,
): Parsed<ReportFilters> {
  for (const name of REPORT_FILTER_PARAMS) {
    if ((query[name]?.length ?? 0) > MAX_FILTER_LENGTH) {
      return { ok: false, reason: `${name} must be at most ${MAX_FILTER_LENGTH} characters.` };
    }
  }
  const from = parseInstant('from', query['from']);
  if (!from.ok) return from;
  const to = parseInstant('to', query['to']);
  if (!to.ok) return to;
  if (from.value !== undefined && to.value !== undefined && from.value > to.value) {
    // A date alone means its midnight UTC: "--to 2026-11-24" ends where that day begins.
    return { ok: false, reason: `from (${from.value}) is after to (${to.value}); nothing could match.` };
  }
  const attribution = clean(query['attribution'], true);
  if (attribution !== undefined && attribution !== 'attributed' && attribution !== 'unattributed') {
    return { ok: false, reason: 'attribution must be "attributed" or "unattributed".' };
  }
  const messageId = clean(query['messageId'], false);
  return {
    ok: true,
    value: {
      tenant: clean(query['tenant'], false),
      from: from.value,
      to: to.value,
      sourceIp: clean(query['sourceIp'], true),
      senderDomain: clean(query['senderDomain'], true)?.replace(/\.$/, ''),
      senderAddress: clean(query['senderAddress'], true),
      reporter: clean(query['reporter'], true),
      fingerprint: clean(query['fingerprint'], true),
      // Message-IDs are compared as the parser normalises them for fingerprints: without angle brackets (RFC 5322
      // §3.6.4 msg-id) and whitespace, lower-case (the byMessageId index holds that form).
      messageId: normalizeMessageId(messageId),
      feedbackType: clean(query['feedbackType'], true),
      attribution,
    },
  };
}

/**
 * The most selective index for the filters, or undefined when only a time walk over days can serve them. A
 * Message-ID or fingerprint names one message (a handful of reports), so they come first.
 */
export function primaryIndex(filters: ReportFilters): ReportIndex | undefined {
  if (filters.fingerprint) return { by: 'fingerprint', fingerprint: filters.fingerprint };
  if (filters.messageId) return { by: 'message-id', messageId: filters.messageId };
  if (filters.senderAddress) return { by: 'sender-address', senderAddress: filters.senderAddress };
  if (filters.sourceIp) return { by: 'source-ip', sourceIp: filters.sourceIp };
  if (filters.senderDomain) return { by: 'sender-domain', senderDomain: filters.senderDomain };
  if (filters.tenant) return { by: 'tenant', tenantId: filters.tenant };
  if (filters.reporter) return { by: 'reporter', reporterDomain: filters.reporter };
  return undefined;
}

/** Whether a report passes every filter (the index served one of them; this checks the rest). */
export function matchesFilters(report: ReportRecord, filters: ReportFilters): boolean {
  if (filters.tenant && report.tenantId !== filters.tenant) return false;
  if (filters.from && report.receivedAt < filters.from) return false;
  if (filters.to && report.receivedAt > filters.to) return false;
  if (filters.sourceIp && report.sourceIp?.toLowerCase() !== filters.sourceIp) return false;
  if (filters.senderDomain && report.senderDomain?.toLowerCase() !== filters.senderDomain) return false;
  if (filters.senderAddress && report.senderAddress?.toLowerCase() !== filters.senderAddress) return false;
  if (filters.reporter && report.reporter.domain?.toLowerCase() !== filters.reporter) return false;
  if (filters.fingerprint && report.fingerprint.toLowerCase() !== filters.fingerprint) return false;
  if (filters.messageId && normalizeMessageId(report.messageId) !== normalizeMessageId(filters.messageId))
    return false;
  if (filters.feedbackType && report.feedback.feedbackType !== filters.feedbackType) return false;
  if (filters.attribution && report.attribution.outcome !== filters.attribution) return false;
  return true;
}
