/** Labeled cases about tenants' dedicated IPs found outside a confirmed platform hop (DESIGN §3, rule 2). */
import { authoredMessage, deliver, toReportedMessage } from '../../support/mail-builder.ts';
import {
  ACME_IP,
  ATTACKER_IP,
  GLOBEX_IPV4,
  type LabeledCase,
  notOurMail,
  spam,
  strongBy,
} from './labeled-case.ts';

/** umbrella's dedicated address, inside the platform's relay range 203.0.113.0/28. */
const UMBRELLA_RELAY_IP = '203.0.113.9';
/** A Source-IP the reporter states that is no relay: the tenant is named, weakly (see dedicated-ip-signals.ts). */
const weakByDedicatedIp = (tenantId: string) =>
  ({ outcome: 'attributed', tenantId, confidence: 'weak', decidingSignal: 'platform-hop' }) as const;

export const DEDICATED_IP_CASES: readonly LabeledCase[] = [
  {
    name: 'reported ARF Source-IP is a dedicated IP outside the relay ranges',
    hostile: false,
    message: () =>
      toReportedMessage(deliver(authoredMessage('news@acme.example'), ACME_IP), { sourceIp: ACME_IP }),
    signal: {
      kind: 'platform-hop',
      value: ACME_IP,
      verdict: 'supports',
      tenantId: 'acme',
      detail:
        /^The reporter's Source-IP 198\.51\.100\.20 is a dedicated IP of tenant acme, but .*only supports the attribution\.$/,
    },
    expected: weakByDedicatedIp('acme'),
  },
  {
    name: 'a stranger’s ARF states a dedicated Source-IP for spam an attacker delivered',
    hostile: true,
    message: () => toReportedMessage(deliver(spam(), ATTACKER_IP), { sourceIp: ACME_IP }),
    signal: {
      kind: 'platform-hop',
      value: ACME_IP,
      verdict: 'supports',
      tenantId: 'acme',
      detail: /no platform relay hop confirms the trace/,
    },
    expected: weakByDedicatedIp('acme'),
  },
  {
    name: 'reported ARF Source-IP is a tenant’s dedicated relay address',
    hostile: false,
    message: () =>
      toReportedMessage(deliver(authoredMessage('news@umbrella.example'), UMBRELLA_RELAY_IP), {
        sourceIp: UMBRELLA_RELAY_IP,
        headersOnly: true,
      }),
    signal: {
      kind: 'platform-hop',
      value: UMBRELLA_RELAY_IP,
      verdict: 'proof',
      tenantId: 'umbrella',
      detail: /dedicated IP of tenant umbrella \(confirmed trace\)/,
    },
    expected: strongBy('umbrella'),
  },
  {
    name: 'Source-IP derived from the recipient’s hop is a dedicated IP',
    hostile: true,
    message: () => toReportedMessage(deliver(spam(), GLOBEX_IPV4)),
    signal: {
      kind: 'platform-hop',
      value: GLOBEX_IPV4,
      verdict: 'untrusted',
      detail:
        /^The derived Source-IP 192\.0\.2\.70 is a dedicated IP of tenant globex, but the parser took it from a Received line/,
    },
    expected: notOurMail,
  },
  {
    name: 'forged Received hop carrying a dedicated IP below the recipient’s hop',
    hostile: true,
    framed: 'acme',
    message: () => {
      const forged = spam().prepend(
        'Received',
        `from mta.acme.example (mta.acme.example [${ACME_IP}])\r\n\tby mx.spam.example with ESMTP id 1; Tue, 24 Nov 2026 09:59:00 +0000`,
      );
      return toReportedMessage(deliver(forged, ATTACKER_IP));
    },
    signal: {
      kind: 'platform-hop',
      value: ACME_IP,
      verdict: 'untrusted',
      detail: /dedicated IP of tenant acme, but the hop sits below the recipient's own top hop/,
    },
    expected: notOurMail,
  },
];
