/** Labeled cases about the platform hop, relay addresses and Feedback-ID. */
import {
  authoredMessage,
  deliver,
  platformMessage,
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
  notOurMail,
  SHARED_CLIENT_IP,
  spam,
  strongBy,
  weakSender,
} from './labeled-case.ts';

export const PLATFORM_HOP_CASES: readonly LabeledCase[] = [
  {
    name: 'dedicated IPv4 via the confirmed platform hop',
    hostile: false,
    message: () => toReportedMessage(deliver(platformMessage({ submissionIp: ACME_IP, sign: false }))),
    expected: strongBy('acme'),
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
    expected: strongBy('globex'),
  },
  {
    name: 'dedicated IP confirmed by the ARF Source-IP of a headers-only original',
    hostile: false,
    message: () =>
      toReportedMessage(platformMessage({ submissionIp: ACME_IP, sign: false }), {
        headersOnly: true,
        sourceIp: TEST_RELAY_IP,
      }),
    expected: strongBy('acme'),
  },
  {
    name: 'dedicated outbound relay IP seen by the recipient',
    hostile: false,
    message: () => toReportedMessage(deliver(authoredMessage('news@umbrella.example'), '203.0.113.9')),
    expected: strongBy('umbrella'),
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
    signal: {
      kind: 'platform-hop',
      value: ACME_IP,
      verdict: 'untrusted',
      detail:
        /took it from 198\.51\.100\.20, a dedicated IP of tenant acme, but .* not a platform relay address\.$/,
    },
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
    signal: {
      kind: 'platform-hop',
      value: ACME_IP,
      verdict: 'untrusted',
      detail:
        /dedicated IP of tenant acme, but the hop sits below the hops the recipient and the platform vouch for/,
    },
    expected: strongBy('globex'),
  },
  {
    name: 'look-alike relay host name is no platform hop',
    hostile: true,
    message: () =>
      toReportedMessage(
        deliver(forgedPlatformHop(spam(), ACME_IP, 'out1.relay.platform.example.evil.net'), ATTACKER_IP),
      ),
    expected: notOurMail,
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
    expected: notOurMail,
  },
];
