/** Plain parsed-submission values for the intake suites. */
import type { ReportedMessage, Submission } from '../../../shared/core/model/index.ts';

/** A reported message with the given index and overrides. */
export function sampleMessage(index: number, overrides: Partial<ReportedMessage> = {}): ReportedMessage {
  return {
    index,
    source: 'arf-message',
    confidence: 'high',
    feedback: {
      feedbackType: 'abuse',
      feedbackTypeRaw: 'abuse',
      originalRcptTo: [],
      reportedDomain: [],
      reportedUri: [],
      authenticationResults: [],
      removalRecipient: [],
      derived: [],
      extra: {},
      sourceIp: '192.0.2.44',
    },
    completeness: 'full',
    rawHeaders: 'From: news@acme.example\r\nSubject: Offer\r\n',
    headers: [],
    from: { address: 'news@acme.example', domain: 'acme.example' },
    subject: 'Offer',
    dkimSignatures: [],
    received: [],
    fingerprint: `fingerprint-${index}`,
    ...overrides,
  };
}

/** An ARF submission from `reporterDomain` whose top-most Authentication-Results field is `authResults`. */
export function sampleSubmission(
  reporterDomain: string,
  authResults: readonly string[],
  overrides: Partial<Submission> = {},
): Submission {
  return {
    kind: 'arf',
    reporter: { headerFrom: `fbl@${reporterDomain}`, domain: reporterDomain },
    authentication: { authenticationResults: authResults, dkimDomains: [] },
    messages: [sampleMessage(0)],
    deviations: [],
    size: 2048,
    ...overrides,
  };
}
