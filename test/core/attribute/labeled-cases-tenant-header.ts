/** Labeled cases about the tenant header: signed, forged, injected, stamped below the platform hop. */
import {
  deliver,
  platformMessage,
  TEST_KEYS,
  TEST_PLATFORM,
  TEST_RELAY_IPV6,
  toReportedMessage,
} from '../../support/mail-builder.ts';
import {
  ACME_IP,
  ATTACKER_IP,
  forgedPlatformHop,
  type LabeledCase,
  notOurMail,
  proven,
  SHARED_CLIENT_IP,
  spam,
  weakSender,
} from './labeled-case.ts';

const header = TEST_PLATFORM.tenantHeader;

export const TENANT_HEADER_CASES: readonly LabeledCase[] = [
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
    expected: notOurMail,
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
    expected: notOurMail,
  },
  {
    name: 'forged tenant header not covered by h=',
    hostile: true,
    message: () => {
      const mail = platformMessage({ from: 'win@spam.example' }).append(header, 'acme');
      return toReportedMessage(deliver(mail, ATTACKER_IP));
    },
    expected: notOurMail,
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
    expected: notOurMail,
  },
  {
    name: 'proven tenant id unknown to the directory',
    hostile: false,
    message: () => toReportedMessage(deliver(platformMessage({ tenantId: 'ghost' }))),
    expected: { outcome: 'unattributed', reason: 'unknown-tenant' },
  },
];
