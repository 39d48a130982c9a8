import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attributeMessage } from '../../../shared/core/attribute/index.ts';
import { isRelayIp } from '../../../shared/core/attribute/platform-trace.ts';
import type { ReportedMessage } from '../../../shared/core/model/index.ts';
import { parseHeaderBlock } from '../../../shared/core/parse/index.ts';
import { isRelayHost } from '../../../shared/core/platform/index.ts';
import {
  TEST_PLATFORM,
  TEST_RELAY_HOST,
  TEST_RELAY_IP,
  toReportedMessage,
} from '../../support/mail-builder.ts';
import { ACME_IP, GLOBEX_IPV6 } from './labeled-case.ts';
import { DEDICATED_IP_CASES } from './labeled-cases-dedicated-ip.ts';
import { DOMAIN_CASES } from './labeled-cases-domains.ts';
import { PLATFORM_HOP_CASES } from './labeled-cases-platform-hop.ts';
import { TENANT_HEADER_CASES } from './labeled-cases-tenant-header.ts';
import { labeledDirectory, resolveInitechKey } from './labeled-tenants.ts';

const context = { directory: labeledDirectory(), platform: TEST_PLATFORM, resolveKey: resolveInitechKey };
const CASES = [...TENANT_HEADER_CASES, ...PLATFORM_HOP_CASES, ...DEDICATED_IP_CASES, ...DOMAIN_CASES];

/** Fields a forger can write anywhere below the recipient's own hop, with values chosen to tempt attribution. */
const forgeries = fc.constantFrom<[string, string]>(
  [TEST_PLATFORM.tenantHeader, 'acme'],
  [TEST_PLATFORM.tenantHeader, 'globex'],
  ['Received', `from c (c [${ACME_IP}]) by ${TEST_RELAY_HOST} with ESMTPSA; Tue, 24 Nov 2026 09:00:00 +0000`],
  ['Received', `from c (c [${GLOBEX_IPV6}]) by ${TEST_RELAY_HOST}; Tue, 24 Nov 2026 09:00:00 +0000`],
  [
    'Received',
    `from ${TEST_RELAY_HOST} ([${TEST_RELAY_IP}]) by mx.recipient.example; Tue, 24 Nov 2026 09:00:00 +0000`,
  ],
  ['Feedback-ID', 'x:acme:platform'],
  ['From', 'ceo@acme.example'],
  ['Return-Path', '<b@globex.example>'],
  ['DKIM-Signature', 'v=1; a=rsa-sha256; d=platform.example; s=rsa2026; h=from:x-tenant-id; bh=AAAA; b=AAAA'],
  ['DKIM-Signature', 'v=1; a=ed25519-sha256; d=acme.example; s=k; h=from; bh=AAAA; b=AAAA'],
);

type Mutation = { kind: 'insert'; at: number; field: [string, string] } | { kind: 'delete'; at: number };
const insertion = fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), field: forgeries });
/** Insertions only: deleting the forged field of a hostile case would turn it back into genuine mail. */
const insertions = fc.array(insertion, { minLength: 1, maxLength: 6 });
const edits = fc.array(
  fc.oneof(insertion, fc.record({ kind: fc.constant('delete' as const), at: fc.nat() })),
  {
    minLength: 1,
    maxLength: 6,
  },
);

/**
 * The Received field below which a forger can write: the recipient's own hop, or, when a relay delivered the
 * mail, the platform's submission hop (relays add their trace and nobody writes between hops, RFC 5321 §4.4).
 */
function lastTrustedHop(message: ReportedMessage): number {
  const [top] = message.received;
  if (!isRelayIp(TEST_PLATFORM, top?.clientIp)) return 0;
  const submission = message.received.find(
    (hop) => isRelayHost(TEST_PLATFORM.relayHosts, hop.by) && !isRelayIp(TEST_PLATFORM, hop.clientIp),
  );
  return submission?.index ?? 0;
}

/** Applies the mutations below the last Received field no forger can touch. */
function mutate(message: ReportedMessage, steps: readonly Mutation[]): ReportedMessage {
  const fields = parseHeaderBlock(message.rawHeaders).map((field) => field.raw);
  const hopFields = fields.flatMap((raw, i) => (/^received:/i.test(raw) ? [i] : []));
  const firstHop = hopFields[lastTrustedHop(message)] ?? 0;
  // A relay drops tenant headers its client wrote (DESIGN §3 relies on it, as Exchange Online does), so a
  // forger who sent through the platform cannot leave one below the platform's hops.
  const relayed = lastTrustedHop(message) > 0;
  const tenantHeader = TEST_PLATFORM.tenantHeader.toLowerCase();
  for (const step of steps) {
    const room = fields.length - firstHop;
    if (step.kind === 'insert' && relayed && step.field[0].toLowerCase() === tenantHeader) continue;
    if (step.kind === 'insert')
      fields.splice(firstHop + 1 + (step.at % room), 0, `${step.field[0]}: ${step.field[1]}`);
    else if (room > 1) fields.splice(firstHop + 1 + (step.at % (room - 1)), 1);
  }
  const body = message.rawBody ? Buffer.from(message.rawBody).toString('utf8') : '';
  const derived = message.feedback.derived.includes('source-ip');
  return toReportedMessage(`${fields.join('\r\n')}\r\n\r\n${body}`, {
    headersOnly: message.completeness === 'headers-only',
    ...(message.feedback.sourceIp && !derived ? { sourceIp: message.feedback.sourceIp } : {}),
    ...(message.feedback.originalMailFrom ? { originalMailFrom: message.feedback.originalMailFrom } : {}),
  });
}

describe('attribution properties', () => {
  it('never lets forgeries below the trusted hops make a hostile message restrict any tenant but its genuine sender', async () => {
    const hostile = CASES.filter((c) => c.hostile && c.name !== 'an original with no header fields');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...hostile), insertions, async (labeled, steps) => {
        const attribution = await attributeMessage(mutate(labeled.message(), steps), context);
        if (attribution.outcome === 'attributed' && attribution.restrictCapable) {
          expect(attribution.tenantId).toBe(labeled.genuine);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never lets forgeries blame the framed tenant of a genuine message', async () => {
    const framed = CASES.filter((c) => c.framed !== undefined);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...framed), edits, async (labeled, steps) => {
        const attribution = await attributeMessage(mutate(labeled.message(), steps), context);
        if (attribution.outcome === 'attributed' && attribution.tenantId === labeled.framed) {
          expect(attribution.restrictCapable).toBe(false);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('never throws, whatever the header fields say', async () => {
    const name = fc.constantFrom(
      'Received',
      'DKIM-Signature',
      TEST_PLATFORM.tenantHeader,
      'From',
      'Return-Path',
      'Feedback-ID',
      'CFBL-Feedback-ID',
      'X-MS-Exchange-Organization-AuthSource',
    );
    const value = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.constantFrom(
        'from x ([::ffff:1.2.3.4]) by out1.relay.platform.example',
        'v=1; d=platform.example; s=rsa2026; a=rsa-sha256; h=from; b=; bh=',
        '<@>',
        'a@[1.2.3.4]',
        'xn--zz.example',
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(name, value), { maxLength: 12 }),
        fc.boolean(),
        async (fields, headersOnly) => {
          const header = fields.map(([n, v]) => `${n}: ${v.replace(/[\r\n]/g, ' ')}`).join('\r\n');
          const message = toReportedMessage(`${header}\r\n\r\nbody\r\n`, { headersOnly });
          const attribution = await attributeMessage(message, context);
          expect(['attributed', 'unattributed']).toContain(attribution.outcome);
        },
      ),
      { numRuns: 300 },
    );
  });
});
