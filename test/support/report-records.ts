/** Small factory for ReportRecord test values (scoring, restrictions, explanations). */
import type {
  Attribution,
  AttributionConfidence,
  FeedbackType,
  ReporterTrust,
  ReportRecord,
} from '../../shared/core/model/index.ts';

/** What a test usually varies; everything else gets a plausible default. */
export interface ReportSpec {
  readonly id?: string;
  readonly tenantId?: string;
  readonly receivedAt?: string;
  /** Reporter address (header From); its domain becomes the reporter domain. */
  readonly reporter?: string;
  readonly trust?: ReporterTrust;
  readonly feedbackType?: FeedbackType;
  readonly confidence?: AttributionConfidence;
  /** Defaults to confidence !== 'weak'. */
  readonly restrictCapable?: boolean;
  /** Unregistered sending domains (makes the report an unregistered-domain relay). */
  readonly unregisteredDomains?: readonly string[];
  readonly fingerprint?: string;
  readonly senderDomain?: string;
  readonly senderAddress?: string;
  readonly sourceIp?: string;
  readonly originalRcptTo?: readonly string[];
  /** An unattributed report. */
  readonly unattributed?: boolean;
}

let counter = 0;

/** A ReportRecord for `spec`; ids and fingerprints are unique unless given. */
export function reportRecord(spec: ReportSpec = {}): ReportRecord {
  counter++;
  const id = spec.id ?? `report-${counter}`;
  const tenantId = spec.tenantId ?? 'tenant-a';
  const reporter = spec.reporter ?? 'user@reporter.example';
  const confidence = spec.confidence ?? 'proven';
  const unregisteredDomains = spec.unregisteredDomains ?? [];
  const senderDomain = spec.senderDomain ?? unregisteredDomains[0] ?? 'tenant-a.example';
  const evidence = { senderDomain, dkimDomains: [], sourceIp: spec.sourceIp ?? '192.0.2.10' };
  const attribution: Attribution = spec.unattributed
    ? { outcome: 'unattributed', reason: 'not-our-mail', signals: [], evidence, explanation: 'not ours' }
    : {
        outcome: 'attributed',
        tenantId,
        confidence,
        decidingSignal: confidence === 'weak' ? 'from-domain' : 'tenant-header',
        restrictCapable: spec.restrictCapable ?? confidence !== 'weak',
        unregisteredDomainRelay: unregisteredDomains.length > 0,
        unregisteredDomains,
        signals: [],
        evidence,
        explanation: `attributed to ${tenantId}`,
      };
  return {
    reportId: id,
    submissionId: `sub-${id}`,
    index: 0,
    receivedAt: spec.receivedAt ?? '2026-11-20T12:00:00.000Z',
    reporter: { headerFrom: reporter, domain: reporter.split('@')[1] ?? reporter },
    reporterTrust: spec.trust ?? 'authenticated-human',
    feedback: {
      feedbackType: spec.feedbackType ?? 'abuse',
      feedbackTypeRaw: spec.feedbackType ?? 'abuse',
      originalRcptTo: spec.originalRcptTo ?? [],
      reportedDomain: [],
      reportedUri: [],
      authenticationResults: [],
      removalRecipient: [],
      derived: [],
      extra: {},
    },
    attribution,
    ...(spec.unattributed ? {} : { tenantId }),
    fingerprint: spec.fingerprint ?? `fp-${id}`,
    senderAddress: spec.senderAddress ?? `news@${senderDomain}`,
    senderDomain,
    sourceIp: spec.sourceIp ?? '192.0.2.10',
    completeness: 'full',
    confidence: 'high',
    rawHeaders: `From: news@${senderDomain}\r\n`,
    expiresAt: 2_000_000_000,
  };
}

/** `count` reports from distinct reporters (`user<i>@reporter<i>.example`), all else as in `spec`. */
export function reportsFromDistinctReporters(count: number, spec: ReportSpec = {}): ReportRecord[] {
  return Array.from({ length: count }, (_, i) =>
    reportRecord({ ...spec, reporter: `user${i}@reporter${i}.example` }),
  );
}
