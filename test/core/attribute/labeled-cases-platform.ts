/** Labeled cases about platform evidence: the tenant header, the platform hop and Feedback-ID. */
import {
  authoredMessage,
  deliver,
  platformMessage,
  TEST_KEYS,
  TEST_PLATFORM,
  TEST_RELAY_IP,
  TEST_RELAY_IPV6,
  toReportedMessage,
} from '../../support/mail-builder.ts';
import {
  ACME_IP,
  ATTACKER_IP,
  forgedPlatformHop,
  GLOBEX_IPV6,
  type LabeledCase,
  SHARED_CLIENT_IP,
  spam,
} from './labeled-case.ts';

const header = TEST_PLATFORM.tenantHeader;
const proven = (tenantId: string) =>
  ({ outcome: 'attributed', tenantId, confidence: 'proven', decidingSignal: 'tenant-header' }) as const;
const strongHop = (tenantId: string) =>
  ({ outcome: 'attributed', tenantId, confidence: 'strong', decidingSignal: 'platform-hop' }) as const;
/** Delivery copies the From address into Return-Path, and the envelope outranks From (DESIGN §3, rule 4). */
const weakSender = (tenantId: string) =>
  ({ outcome: 'attributed', tenantId, confidence: 'weak', decidingSignal: 'envelope-domain' }) as const;
const notOurs = { outcome: 'unattributed', reason: 'not-our-mail' } as const;

export const PLATFORM_CASES: readonly LabeledCase[] = [
  {
    name: 'verified tenant header (RSA, oversigned)',
    hostile: false,
    message: () =>
      toReportedMessage(deliver(platformMessage({ tenantId: 'acme', submissionIp: SHARED_CLIENT_IP }))),
    expected: proven('acme'),
  },
  {
    name: 'verified tenant header (Ed25519)',
    hostile: false,
    message: () =>
      toReportedMessage(
        deliver(platformMessage({ tenantId: 'acme', sign: { privateKey: TEST_KEYS.platformEd25519 } })),
      ),
    expected: proven('acme'),
  },
  {
    name: 'verified tenant header (simple/simple)',
    hostile: false,
    message: () =>
      toReportedMessage(
        deliver(
          platformMessage({
            tenantId: 'globex',
            from: 'x@globex.example',
            sign: { canonicalization: 'simple/simple' },
          }),
        ),
      ),
    expected: proven('globex'),
  },
  {
    name: 'verified tenant header in a headers-only original',
    hostile: false,
    message: () => toReportedMessage(deliver(platformMessage({ tenantId: 'acme' })), { headersOnly: true }),
    expected: proven('acme'),
  },
  {
    name: 'verified tenant header of a replayed message sent from elsewhere',
    hostile: false,
    message: () => toReportedMessage(deliver(platformMessage({ tenantId: 'acme' }), ATTACKER_IP)),
    expected: proven('acme'),
  },
  {
    name: 'forged tenant header without any signature',
    hostile: true,
    message: () => toReportedMessage(deliver(spam().prepend(header, 'acme'), ATTACKER_IP)),
    expected: notOurs,
  },
  {
    name: 'forged tenant header signed as the platform with a stranger key',
    hostile: true,
    message: () =>
      toReportedMessage(
        deliver(
          platformMessage({
            tenantId: 'acme',
            from: 'win@spam.example',
            sign: { privateKey: TEST_KEYS.stranger },
          }),
          ATTACKER_IP,
        ),
      ),
    expected: notOurs,
  },
  {
    name: 'forged tenant header not covered by h=',
    hostile: true,
    message: () => {
      const mail = platformMessage({ from: 'win@spam.example' }).append(header, 'acme');
      return toReportedMessage(deliver(mail, ATTACKER_IP));
    },
    expected: notOurs,
  },
  {
    name: 'tenant header under a signature whose body was altered',
    hostile: true,
    genuine: 'acme',
    message: () => {
      const mail = platformMessage({ tenantId: 'acme' });
      mail.body = 'Click here to claim your prize\r\n';
      return toReportedMessage(deliver(mail, ATTACKER_IP));
    },
    expected: weakSender('acme'),
  },
  {
    name: 'second tenant header injected above an oversigned one',
    hostile: true,
    genuine: 'globex',
    message: () =>
      toReportedMessage(
        deliver(
          platformMessage({ tenantId: 'globex', from: 'x@globex.example' }).prepend(header, 'acme'),
          ATTACKER_IP,
        ),
      ),
    expected: weakSender('globex'),
  },
  {
    name: 'second tenant header injected above one signed only once: the covered copy counts',
    hostile: false,
    framed: 'acme',
    message: () => {
      const h = ['from', 'to', 'subject', 'date', 'message-id', header.toLowerCase()];
      const mail = platformMessage({
        tenantId: 'globex',
        from: 'x@globex.example',
        sign: { headers: h },
      }).prepend(header, 'acme');
      return toReportedMessage(deliver(mail, ATTACKER_IP));
    },
    expected: proven('globex'),
  },
  {
    name: 'second tenant header appended below one signed only once breaks the signature',
    hostile: true,
    genuine: 'globex',
    message: () => {
      const h = ['from', 'to', 'subject', 'date', 'message-id', header.toLowerCase()];
      const mail = platformMessage({
        tenantId: 'globex',
        from: 'x@globex.example',
        sign: { headers: h },
      }).append(header, 'acme');
      return toReportedMessage(deliver(mail, ATTACKER_IP));
    },
    expected: weakSender('globex'),
  },
  {
    name: 'tenant header below the confirmed platform hop, unsigned',
    hostile: false,
    message: () => toReportedMessage(deliver(platformMessage({ tenantId: 'acme', sign: false }))),
    expected: proven('acme'),
  },
  {
    name: 'tenant header below a platform hop over IPv6, unsigned',
    hostile: false,
    message: () =>
      toReportedMessage(
        deliver(
          platformMessage({ tenantId: 'globex', from: 'x@globex.example', sign: false }),
          TEST_RELAY_IPV6,
        ),
      ),
    expected: proven('globex'),
  },
  {
    name: 'tenant header below a forged, unconfirmed platform hop',
    hostile: true,
    message: () =>
      toReportedMessage(deliver(forgedPlatformHop(spam().prepend(header, 'acme'), ACME_IP), ATTACKER_IP)),
    expected: notOurs,
  },
  {
    name: 'proven tenant id unknown to the directory',
    hostile: false,
    message: () => toReportedMessage(deliver(platformMessage({ tenantId: 'ghost' }))),
    expected: { outcome: 'unattributed', reason: 'unknown-tenant' },
  },
  {
    name: 'dedicated IPv4 via the confirmed platform hop',
    hostile: false,
    message: () => toReportedMessage(deliver(platformMessage({ submissionIp: ACME_IP, sign: false }))),
    expected: strongHop('acme'),
  },
  {
    name: 'dedicated IPv6 via the confirmed platform hop',
    hostile: false,
    message: () =>
      toReportedMessage(
        deliver(
          platformMessage({ from: 'x@globex.example', submissionIp: GLOBEX_IPV6, sign: false }),
          TEST_RELAY_IPV6,
        ),
      ),
    expected: strongHop('globex'),
  },
  {
    name: 'dedicated IP confirmed by the ARF Source-IP of a headers-only original',
    hostile: false,
    message: () =>
      toReportedMessage(platformMessage({ submissionIp: ACME_IP, sign: false }), {
        headersOnly: true,
        sourceIp: TEST_RELAY_IP,
      }),
    expected: strongHop('acme'),
  },
  {
    name: 'dedicated outbound relay IP seen by the recipient',
    hostile: false,
    message: () => toReportedMessage(deliver(authoredMessage('news@umbrella.example'), '203.0.113.9')),
    expected: strongHop('umbrella'),
  },
  {
    name: 'submission from a shared relay IP names no tenant',
    hostile: false,
    message: () => toReportedMessage(deliver(platformMessage({ submissionIp: '203.0.113.7', sign: false }))),
    expected: weakSender('acme'),
  },
  {
    name: 'shared relay IP seen by the recipient, platform hops stripped',
    hostile: false,
    message: () => toReportedMessage(deliver(authoredMessage(), TEST_RELAY_IP)),
    expected: weakSender('acme'),
  },
  {
    name: 'non-dedicated submission client through the platform',
    hostile: false,
    message: () =>
      toReportedMessage(deliver(platformMessage({ submissionIp: SHARED_CLIENT_IP, sign: false }))),
    expected: weakSender('acme'),
  },
  {
    name: 'forged platform hop delivered from an attacker',
    hostile: true,
    message: () => toReportedMessage(deliver(forgedPlatformHop(authoredMessage(), ACME_IP), ATTACKER_IP)),
    expected: weakSender('acme'),
  },
  {
    name: 'forged platform hop under a forged recipient hop claiming a relay IP',
    hostile: true,
    message: () => {
      const forged = deliver(forgedPlatformHop(authoredMessage(), ACME_IP), TEST_RELAY_IP);
      return toReportedMessage(deliver(forged, ATTACKER_IP));
    },
    expected: weakSender('acme'),
  },
  {
    name: 'forged platform hop contradicted by the ARF Source-IP',
    hostile: true,
    message: () =>
      toReportedMessage(deliver(forgedPlatformHop(authoredMessage(), ACME_IP), TEST_RELAY_IP), {
        sourceIp: ATTACKER_IP,
      }),
    expected: weakSender('acme'),
  },
  {
    name: 'forged platform hop below a genuine one does not move the submission client',
    hostile: false,
    framed: 'acme',
    message: () => {
      const mail = forgedPlatformHop(authoredMessage('x@globex.example'), ACME_IP);
      mail.prepend(
        'Received',
        `from client.example (client.example [${GLOBEX_IPV6}])\r\n\tby out2.relay.platform.example with ESMTPSA id 9; Tue, 24 Nov 2026 10:00:01 +0000`,
      );
      return toReportedMessage(deliver(mail, TEST_RELAY_IPV6));
    },
    expected: strongHop('globex'),
  },
  {
    name: 'look-alike relay host name is no platform hop',
    hostile: true,
    message: () =>
      toReportedMessage(
        deliver(forgedPlatformHop(spam(), ACME_IP, 'out1.relay.platform.example.evil.net'), ATTACKER_IP),
      ),
    expected: notOurs,
  },
  {
    name: 'platform-signed Feedback-ID naming the tenant',
    hostile: false,
    message: () =>
      toReportedMessage(deliver(platformMessage({ feedbackId: 'spring:acme:platform' }), ATTACKER_IP)),
    expected: {
      outcome: 'attributed',
      tenantId: 'acme',
      confidence: 'strong',
      decidingSignal: 'feedback-id',
    },
  },
  {
    name: 'unsigned Feedback-ID naming a tenant',
    hostile: true,
    message: () =>
      toReportedMessage(deliver(spam().append('Feedback-ID', 'spring:acme:platform'), ATTACKER_IP)),
    expected: notOurs,
  },
];
