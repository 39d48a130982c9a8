import { createTransport } from 'nodemailer';
import type { TenantDirectoryStore } from '../../shared/adapters/dynamodb/tenant-directory-store.ts';
import { checkSending } from '../../shared/core/score/index.ts';
import { validateTenant } from '../../shared/core/tenants/index.ts';
import type { RunningServer } from '../server/start-server.ts';
import { buildArfReport, buildHumanForward, type DemoOriginal, type DemoSubmission } from './demo-mail.ts';
import { DEMO } from './demo-platform.ts';
import { DEMO_TENANTS } from './demo-tenants.ts';

/** ARF complaints per phase about Globex: 8 × 1.5 (automated feed, proven) = 12 passes warn (10), twice restrict (20). */
const COMPLAINTS_PER_PHASE = 8;

let serial = 0;
function original(
  tenantId: string | undefined,
  from: string,
  subject: string,
  submissionIp = '203.0.113.77',
): DemoOriginal {
  serial++;
  return {
    tenantId,
    from,
    subject,
    submissionIp,
    recipient: `user${serial}@${DEMO.recipientDomain}`,
    serial,
  };
}

/** The first wave: a normal day with a bit of everything. */
function firstWave(): DemoSubmission[] {
  const mails: DemoSubmission[] = [];
  for (let i = 0; i < COMPLAINTS_PER_PHASE; i++) {
    mails.push(
      buildArfReport(
        original('globex', 'Globex Deals <deals@globex-news.test>', `Deal of the day #${i + 1}`),
      ),
    );
  }
  for (const reporter of ['pat@demo-mail.test', 'sam@demo-mail.test']) {
    mails.push(
      buildHumanForward(
        original('acme', 'Acme <news@acme-retail.test>', 'Your cart misses you', '198.51.100.10'),
        reporter,
      ),
    );
  }
  // Forged: claims to be Acme but never passed the platform, so it cannot count against Acme.
  for (let i = 0; i < 3; i++) {
    mails.push(
      buildArfReport(
        original(
          undefined,
          'Acme Security <security@acme-retail.test>',
          'Verify your account',
          '203.0.113.66',
        ),
        'fraud',
      ),
    );
  }
  // Unregistered-domain relay: Initech's account (proven by the platform) sends as a domain Initech never registered.
  for (let i = 0; i < COMPLAINTS_PER_PHASE; i++) {
    mails.push(
      buildArfReport(
        original('initech', 'Prize Team <win@initech-prizes.test>', `You won #${i + 1}`, '203.0.113.99'),
      ),
    );
  }
  return mails;
}

/** The second wave: Globex keeps going. */
function secondWave(): DemoSubmission[] {
  return Array.from({ length: COMPLAINTS_PER_PHASE }, (_, i) =>
    buildArfReport(original('globex', 'Globex Deals <deals@globex-news.test>', `Last chance #${i + 1}`)),
  );
}

async function send(server: RunningServer, mails: readonly DemoSubmission[]): Promise<number> {
  const transport = createTransport({
    host: server.smtp.host,
    port: server.smtp.port,
    secure: false,
    ignoreTLS: true,
  });
  const to = server.services.pipeline.intake.platform.reportingAddresses[0] ?? 'junk@abuse-intake.test';
  let accepted = 0;
  try {
    for (const mail of mails) {
      await transport.sendMail({ envelope: { from: mail.mailFrom, to: [to] }, raw: mail.raw });
      accepted++;
    }
  } finally {
    transport.close();
  }
  return accepted;
}

async function printStandings(server: RunningServer, print: (line: string) => void): Promise<void> {
  const now = new Date().toISOString();
  const checks: [string, string][] = [
    ['acme', 'acme-retail.test'],
    ['globex', 'globex-news.test'],
    ['initech', 'initech.test'],
    ['initech', 'initech-prizes.test'],
  ];
  for (const [tenantId, domain] of checks) {
    const decision = await checkSending(tenantId, domain, server.services.scoring, now);
    const verdict = decision.allowed ? 'may send' : decision.smtpReply;
    print(`  ${tenantId.padEnd(8)} from ${domain.padEnd(20)} ${decision.state.padEnd(10)} ${verdict}`);
  }
}

/** Creates or updates the demo tenants through the tenant store (validated like `tenants import`). */
export async function seedDemoTenants(directory: TenantDirectoryStore, now: string): Promise<void> {
  for (const input of DEMO_TENANTS) {
    const existing = await directory.getTenant(input.tenantId);
    await directory.putTenant(validateTenant(input, now, existing));
  }
}

/**
 * The demo (issue 6 §4): seeds three tenants, sends a realistic mix over SMTP (ARF from a feed, human forwards,
 * forged mail, an unregistered-domain relay) in two waves, and prints how the tenants' standing changes.
 */
export async function runDemo(server: RunningServer, print: (line: string) => void): Promise<void> {
  await seedDemoTenants(server.services.directory, new Date().toISOString());
  print(`demo: seeded tenants ${DEMO_TENANTS.map((t) => t.tenantId).join(', ')}`);

  const first = firstWave();
  print(
    `demo: sending ${first.length} reports over SMTP (feed ARF, human forwards, forged, unregistered-domain relay)…`,
  );
  await send(server, first);
  await server.idle();
  print('demo: after the first wave');
  await printStandings(server, print);

  const second = secondWave();
  print(`demo: the feed reports Globex ${second.length} more times…`);
  await send(server, second);
  await server.idle();
  print('demo: after the second wave');
  await printStandings(server, print);
  print('');
  print(`demo: open ${server.http.url}/ and look at globex, or ask the enforcement endpoint:`);
  print(`  curl -s '${server.http.url}/v1/tenants/globex/sending-status?fromDomain=globex-news.test'`);
}
