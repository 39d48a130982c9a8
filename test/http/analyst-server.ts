/**
 * A real analyst server for API and browser tests: dynalite with R's stores, S's scoring, the file raw-mail store,
 * the API and the dashboard on node:http at 127.0.0.1:0, seeded with tenants in each state and a hostile report.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDynamoRecordStore } from '../../shared/adapters/dynamodb/record-store.ts';
import { createDynamoScoringStores } from '../../shared/adapters/dynamodb/score-stores.ts';
import { createDynamoTenantDirectory } from '../../shared/adapters/dynamodb/tenant-directory-store.ts';
import { createFileRawMailStore } from '../../shared/adapters/file/file-raw-mail-store.ts';
import { createOutboxNotifier } from '../../shared/adapters/outbox/outbox-notifier.ts';
import type { ReportRecord } from '../../shared/core/model/index.ts';
import { DEFAULT_POLICY } from '../../shared/core/score/policy.ts';
import { scoreReports } from '../../shared/core/score/score-reports.ts';
import type { ScoringDeps } from '../../shared/core/score/scoring-deps.ts';
import { validateTenant } from '../../shared/core/tenants/validate-tenant.ts';
import { createTokenAuthenticator } from '../../shared/http/auth/token-authenticator.ts';
import { createPlatformApi } from '../../shared/http/create-platform-api.ts';
import { createRequestListener } from '../../shared/http/node-http-adapter.ts';
import { createStaticFiles } from '../../web/static-files.ts';
import { createTestTables, type DynamoBackend, startDynalite } from '../support/dynamodb.ts';
import { HOSTILE, hostileRawMail, reportRecord, submissionRecord } from './analyst-records.ts';

export const READ_TOKEN = 'read-token-aaaaaaaaaaaaaaaaaaaaaaaa';
export const MANAGE_TOKEN = 'manage-token-bbbbbbbbbbbbbbbbbbbbbbbb';

/** A running server and what the tests need to talk to it. */
export interface AnalystServer {
  readonly url: string;
  readonly scoring: ScoringDeps;
  /** Report ids by role in the seed. */
  readonly ids: { readonly hostileReport: string; readonly unusableSubmission: string };
  /** Every seeded report, newest first. */
  readonly reports: readonly ReportRecord[];
  stop(): Promise<void>;
}

const MINUTE_MS = 60_000;

function ago(now: number, minutes: number): string {
  return new Date(now - minutes * MINUTE_MS).toISOString();
}

/** Seeds: acme restricted (feed complaints from compromised senders), globex warned, initech active + hostile. */
function seedReports(now: number): ReportRecord[] {
  const reports: ReportRecord[] = [];
  const senders = ['billing@acme.example', 'ceo@acme.example', 'newsletter@acme.example'];
  const ips = ['192.0.2.10', '192.0.2.11'];
  for (let i = 0; i < 18; i++) {
    reports.push(
      reportRecord({
        id: `acme-${String(i).padStart(2, '0')}`,
        receivedAt: ago(now, 30 + i * 20),
        tenantId: 'acme',
        senderAddress: senders[i % senders.length],
        sourceIp: ips[i % ips.length],
        reporterDomain: i % 2 === 0 ? 'feedback.isp.example' : 'fbl.mailbox.example',
        feedbackType: i % 5 === 0 ? 'fraud' : 'abuse',
        subject: `Invoice ${i} overdue`,
      }),
    );
  }
  reports.push(
    reportRecord({
      id: 'acme-relay',
      receivedAt: ago(now, 45),
      tenantId: 'acme',
      senderAddress: 'promo@cheap-pills.example',
      sourceIp: '198.51.100.23',
      unregisteredDomains: ['cheap-pills.example'],
    }),
  );
  for (let i = 0; i < 8; i++) {
    reports.push(
      reportRecord({
        id: `globex-${i}`,
        receivedAt: ago(now, 60 + i * 30),
        tenantId: 'globex',
        senderAddress: 'offers@globex.example',
        sourceIp: '192.0.2.40',
        reporterDomain: 'feedback.isp.example',
      }),
    );
  }
  reports.push(
    reportRecord({
      id: 'initech-hostile',
      receivedAt: ago(now, 10),
      tenantId: 'initech',
      senderAddress: 'mallory@initech.example',
      from: HOSTILE.from,
      subject: HOSTILE.subject,
      messageId: 'hostile-1@initech.example',
      sourceIp: '192.0.2.77',
      reporterTrust: 'authenticated-human',
      reporterDomain: 'mailbox.example',
      rawHeaders: `From: ${HOSTILE.from}\r\nSubject: ${HOSTILE.subject}\r\nMessage-ID: <hostile-1@initech.example>\r\n`,
    }),
    reportRecord({
      id: 'stranger-1',
      receivedAt: ago(now, 5),
      senderAddress: 'spam@elsewhere.example',
      sourceIp: '203.0.113.99',
    }),
  );
  return reports.sort((a, b) => (a.receivedAt < b.receivedAt ? 1 : -1));
}

/** Starts dynalite, seeds it, scores the seed and serves API + dashboard. */
export async function startAnalystServer(): Promise<AnalystServer> {
  const backend: DynamoBackend = await startDynalite();
  const dataDir = await mkdtemp(join(tmpdir(), 'analyst-'));
  const tables = await createTestTables(backend.client);
  const records = createDynamoRecordStore({ client: backend.client, tableName: tables.reports });
  const directory = createDynamoTenantDirectory({ client: backend.client, tableName: tables.tenants });
  const rawMail = createFileRawMailStore({ dir: join(dataDir, 'raw') });
  const scoring: ScoringDeps = {
    ...createDynamoScoringStores({ client: backend.client, tableName: tables.scores }),
    directory,
    records,
    notifier: createOutboxNotifier({ dir: join(dataDir, 'outbox') }),
    policy: DEFAULT_POLICY,
  };
  const nowMs = Date.now();
  const seededAt = new Date(nowMs).toISOString();
  for (const [tenantId, name, domain, ip] of [
    ['acme', 'Acme Mail', 'acme.example', '192.0.2.10/31'],
    ['globex', 'Globex Corporation', 'globex.example', '192.0.2.40'],
    ['initech', 'Initech', 'initech.example', '192.0.2.77'],
  ] as const) {
    await directory.putTenant(
      validateTenant(
        {
          tenantId,
          name,
          acceptedDomains: [{ domain, includeSubdomains: true }],
          dedicatedIps: [ip],
          adminContact: `admin@${domain}`,
        },
        seededAt,
      ),
    );
  }
  const reports = seedReports(nowMs);
  await records.putReports(reports);
  for (const report of reports) await records.putSubmission(submissionRecord(report));
  await records.putSubmission(
    submissionRecord({
      id: 'unusable-1',
      receivedAt: ago(nowMs, 15),
      reason: { code: 'auto-reply', message: 'An automatic reply (RFC 3834), not a report.' },
    }),
  );
  await rawMail.put('initech-hostile', new TextEncoder().encode(hostileRawMail('hostile-1@initech.example')));
  await scoreReports(reports, scoring, seededAt);

  const api = createPlatformApi({
    scoring,
    tenants: directory,
    rawMail,
    authenticate: createTokenAuthenticator([
      { name: 'reader', role: 'read', token: READ_TOKEN },
      { name: 'lead-analyst', role: 'manage', token: MANAGE_TOKEN },
    ]),
    health: async () => ({ status: 'ok', queueDepth: 0, deadLetters: 0 }),
    replayDeadLetters: async () => ({ replayed: 0 }),
  });
  const server: Server = createServer(createRequestListener({ api, staticFiles: await createStaticFiles() }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    scoring,
    reports,
    ids: { hostileReport: 'initech-hostile-0', unusableSubmission: 'unusable-1' },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await backend.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
