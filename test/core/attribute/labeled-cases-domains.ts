/** Labeled cases about domain evidence, conflicts, foreign mail and unregistered-domain relays. */
import {
  authoredMessage,
  deliver,
  platformMessage,
  TEST_KEYS,
  toReportedMessage,
} from '../../support/mail-builder.ts';
import {
  ACME_IP,
  ATTACKER_IP,
  GLOBEX_IPV6,
  initechSigned,
  type LabeledCase,
  notOurMail,
  spam,
  strongBy,
  weakSender,
} from './labeled-case.ts';

const weak = weakSender;
const notOurs = notOurMail;
const conflict = { outcome: 'unattributed', reason: 'conflict' } as const;
const verifiedInitech = strongBy('initech', 'dkim-domain');

export const DOMAIN_CASES: readonly LabeledCase[] = [
  {
    name: 'DKIM d= of an accepted domain, verified',
    hostile: false,
    message: () =>
      toReportedMessage(deliver(initechSigned(authoredMessage('sales@initech.example')), ATTACKER_IP)),
    expected: verifiedInitech,
  },
  {
    name: 'DKIM d= of an accepted domain in a headers-only original, header hash verified',
    hostile: false,
    message: () =>
      toReportedMessage(deliver(initechSigned(authoredMessage('sales@initech.example')), ATTACKER_IP), {
        headersOnly: true,
      }),
    expected: verifiedInitech,
  },
  {
    name: 'DKIM d= of an accepted domain without a key to verify it',
    hostile: false,
    message: () => {
      const mail = authoredMessage('x@spam.example').sign({
        privateKey: TEST_KEYS.stranger,
        domain: 'acme.example',
        selector: 'k1',
      });
      return toReportedMessage(deliver(mail, ATTACKER_IP));
    },
    expected: weak('acme', 'dkim-domain'),
  },
  {
    name: 'DKIM d= of an accepted domain signed with a stranger key',
    hostile: true,
    message: () => toReportedMessage(deliver(initechSigned(spam(), TEST_KEYS.stranger), ATTACKER_IP)),
    expected: notOurs,
  },
  {
    name: 'DKIM d= of an accepted domain whose body was altered',
    hostile: true,
    genuine: 'initech',
    message: () => {
      const mail = initechSigned(authoredMessage('sales@initech.example'));
      mail.body = 'Altered\r\n';
      return toReportedMessage(deliver(mail, ATTACKER_IP));
    },
    expected: weak('initech', 'envelope-domain'),
  },
  {
    name: 'From domain only',
    hostile: true,
    message: () =>
      toReportedMessage(deliver(authoredMessage('ceo@acme.example'), ATTACKER_IP, 'bounce@spam.example')),
    expected: weak('acme', 'from-domain'),
  },
  {
    name: 'envelope domain only (Return-Path)',
    hostile: true,
    message: () => toReportedMessage(deliver(spam(), ATTACKER_IP, 'bounce@acme-mail.example')),
    expected: weak('acme', 'envelope-domain'),
  },
  {
    name: 'envelope domain only (ARF Original-Mail-From)',
    hostile: true,
    message: () =>
      toReportedMessage(
        spam().prepend(
          'Received',
          `from x (x [${ATTACKER_IP}]) by mx.recipient.example; Tue, 24 Nov 2026 10:00:02 +0000`,
        ),
        {
          originalMailFrom: '<bounce@acme.example>',
        },
      ),
    expected: weak('acme', 'envelope-domain'),
  },
  {
    name: 'subdomain of a domain registered with its subdomains',
    hostile: true,
    message: () =>
      toReportedMessage(deliver(authoredMessage('news@mail.globex.example'), ATTACKER_IP, 'b@spam.example')),
    expected: weak('globex', 'from-domain'),
  },
  {
    name: 'subdomain of a domain registered without its subdomains',
    hostile: true,
    message: () => toReportedMessage(deliver(authoredMessage('news@mail.acme.example'), ATTACKER_IP)),
    expected: notOurs,
  },
  ...[
    'acme.example.evil.net',
    'notacme.example',
    'acrne.example',
    'acme-example.net',
    'xn--acme-9qa.example',
  ].map(
    (domain): LabeledCase => ({
      name: `look-alike domain ${domain}`,
      hostile: true,
      message: () => toReportedMessage(deliver(authoredMessage(`ceo@${domain}`), ATTACKER_IP)),
      expected: notOurs,
    }),
  ),
  {
    name: 'unregistered-domain relay proven by the tenant header',
    hostile: false,
    message: () =>
      toReportedMessage(deliver(platformMessage({ tenantId: 'acme', from: 'promo@brand-x.example' }))),
    expected: {
      outcome: 'attributed',
      tenantId: 'acme',
      confidence: 'proven',
      decidingSignal: 'tenant-header',
      unregisteredDomains: ['brand-x.example'],
    },
  },
  {
    name: 'unregistered-domain relay from a dedicated IP, envelope registered',
    hostile: false,
    message: () =>
      toReportedMessage(
        deliver(
          platformMessage({ from: 'promo@brand-y.example', submissionIp: ACME_IP, sign: false }),
          undefined,
          'b@acme.example',
        ),
      ),
    expected: {
      outcome: 'attributed',
      tenantId: 'acme',
      confidence: 'strong',
      decidingSignal: 'platform-hop',
      unregisteredDomains: ['brand-y.example'],
    },
  },
  {
    name: 'proven tenant header outweighs a verified DKIM d= of another tenant',
    hostile: false,
    message: () =>
      toReportedMessage(
        deliver(
          platformMessage({
            tenantId: 'acme',
            from: 'x@initech.example',
            sign: { headers: ['from', 'x-tenant-id', 'x-tenant-id'] },
          }),
        ),
      ),
    expected: {
      outcome: 'attributed',
      tenantId: 'acme',
      confidence: 'proven',
      decidingSignal: 'tenant-header',
      unregisteredDomains: ['initech.example'],
    },
  },
  {
    name: 'dedicated IP of one tenant against a verified DKIM d= of another',
    hostile: false,
    message: () =>
      toReportedMessage(
        deliver(
          initechSigned(platformMessage({ from: 'x@initech.example', submissionIp: ACME_IP, sign: false })),
        ),
      ),
    expected: conflict,
  },
  {
    name: 'From of one tenant against the envelope of another',
    hostile: true,
    message: () =>
      toReportedMessage(deliver(authoredMessage('a@acme.example'), ATTACKER_IP, 'b@globex.example')),
    expected: conflict,
  },
  {
    name: 'dedicated IPv6 outweighs the From domain of another tenant',
    hostile: false,
    message: () =>
      toReportedMessage(
        deliver(
          platformMessage({ from: 'a@acme.example', submissionIp: GLOBEX_IPV6, sign: false }),
          '2001:db8:ffff::7',
        ),
      ),
    expected: {
      outcome: 'attributed',
      tenantId: 'globex',
      confidence: 'strong',
      decidingSignal: 'platform-hop',
      unregisteredDomains: ['acme.example'],
    },
  },
  {
    name: 'foreign spam that never touched the platform',
    hostile: true,
    message: () => toReportedMessage(deliver(spam(), ATTACKER_IP)),
    expected: notOurs,
  },
  {
    name: 'foreign spam with its own DKIM signature',
    hostile: true,
    message: () =>
      toReportedMessage(
        deliver(
          spam().sign({ privateKey: TEST_KEYS.stranger, domain: 'spam.example', selector: 's' }),
          ATTACKER_IP,
        ),
      ),
    expected: notOurs,
  },
  {
    name: 'foreign spam reported headers-only over IPv6',
    hostile: true,
    message: () => toReportedMessage(deliver(spam(), '2001:db8:dead::1'), { headersOnly: true }),
    expected: notOurs,
  },
  {
    name: 'an original with no header fields',
    hostile: true,
    message: () => toReportedMessage(''),
    expected: { outcome: 'unattributed', reason: 'headers-missing' },
  },
];
