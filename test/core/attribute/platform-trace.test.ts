import { describe, expect, it } from 'vitest';
import { readPlatformTrace } from '../../../shared/core/attribute/platform-trace.ts';
import {
  deliver,
  platformMessage,
  TEST_PLATFORM,
  TEST_RELAY_HOST,
  TEST_RELAY_IP,
  toReportedMessage,
} from '../../support/mail-builder.ts';
import { ACME_IP, ATTACKER_IP } from './labeled-case.ts';

const internalHop = (by: string) =>
  `from mx.recipient.example (mx.recipient.example [10.1.2.3]) by ${by} with LMTP; Tue, 24 Nov 2026 10:00:03 +0000`;

describe('readPlatformTrace', () => {
  it('confirms the platform hop through the recipient’s edge hop, past its internal hops', () => {
    const mail = deliver(platformMessage({ submissionIp: ACME_IP, sign: false })).prepend(
      'Received',
      internalHop('store1'),
    );
    const trace = readPlatformTrace(toReportedMessage(mail), TEST_PLATFORM);
    expect(trace.confirmed).toBe(true);
    expect(trace.boundary?.clientIp).toBe(TEST_RELAY_IP);
    expect(trace.outbound?.by).toBe(TEST_RELAY_HOST);
    expect(trace.submission?.clientIp).toBe(ACME_IP);
  });

  it('ignores a Source-IP the parser derived from the Received lines', () => {
    const message = toReportedMessage(deliver(platformMessage({ sign: false })));
    expect(message.feedback.derived).toContain('source-ip');
    expect(readPlatformTrace(message, TEST_PLATFORM).confirmed).toBe(true);
  });

  it('lets the reporter’s own Source-IP veto a trace it contradicts', () => {
    const message = toReportedMessage(deliver(platformMessage({ sign: false })), { sourceIp: ATTACKER_IP });
    const trace = readPlatformTrace(message, TEST_PLATFORM);
    expect(trace.confirmed).toBe(false);
    expect(trace.reason).toContain(ATTACKER_IP);
  });

  it('follows relay-to-relay hops down to the client that handed the mail in', () => {
    const mail = platformMessage({ submissionIp: ACME_IP, sign: false }).prepend(
      'Received',
      `from out1 (out1 [203.0.113.6]) by out2.relay.platform.example with ESMTPS; Tue, 24 Nov 2026 10:00:01 +0000`,
    );
    const trace = readPlatformTrace(toReportedMessage(deliver(mail)), TEST_PLATFORM);
    expect(trace.outbound?.by).toBe('out2.relay.platform.example');
    expect(trace.submission?.clientIp).toBe(ACME_IP);
  });

  it('claims nothing for mail without relay hops or relay addresses', () => {
    const trace = readPlatformTrace(
      toReportedMessage(
        deliver(platformMessage({ sign: false, relayHost: 'mta.other.example' }), ATTACKER_IP),
      ),
      TEST_PLATFORM,
    );
    expect(trace.outbound).toBeUndefined();
    expect(trace.confirmed).toBe(false);
  });
});
