/**
 * End-to-end local ingest (issue 6): 10,000 mixed reports read from an mbox, each accepted the way the SMTP
 * listener accepts mail (raw mail fsynced, queue entry fsynced), then parsed, attributed, recorded and scored by
 * the server's workers on dynalite. Reports reports/s, p50/p99 from "250" to recorded-and-scored, peak RSS, and
 * DynamoDB requests per report (counted by a client middleware, batch operations by their items, as billed).
 * Issue 6 aims at ≥ 500 reports/s on two cores and ≤ 3 write requests per report. BENCH_E2E_COUNT overrides 10,000.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadLocalConfig } from '../local/config/local-config.ts';
import { buildArfReport, buildHumanForward, type DemoOriginal } from '../local/demo/demo-mail.ts';
import { demoResolver, markDemoDataDir } from '../local/demo/demo-platform.ts';
import { seedDemoTenants } from '../local/demo/run-demo.ts';
import { forEachLimited } from '../local/ingest/ingest-direct.ts';
import { listMailItems } from '../local/ingest/mail-sources.ts';
import { joinMbox } from '../local/ingest/mbox.ts';
import { startServer } from '../local/server/start-server.ts';
import { validateTenant } from '../shared/core/tenants/index.ts';
import type { BenchResult } from './bench-result.ts';

const COUNT = Number(process.env['BENCH_E2E_COUNT'] ?? 10_000);
/** Concurrent "SMTP sessions" handing mail over; the listener allows 50. */
const ACCEPT_LANES = 8;
const READ_COMMANDS = new Set(['GetItemCommand', 'BatchGetItemCommand', 'QueryCommand', 'ScanCommand']);

/** Tenants the complaints are spread over (besides the demo's three): a platform has many, few of them noisy. */
const EXTRA_TENANTS = 37;

function extraTenant(n: number) {
  const id = `bench-${String(n).padStart(2, '0')}`;
  return {
    tenantId: id,
    name: `Bench ${n}`,
    acceptedDomains: [{ domain: `${id}.test`, includeSubdomains: false }],
    dedicatedIps: [],
  };
}

/** A realistic mix: feed ARF about forty tenants, human forwards, forged mail, unregistered-domain relays, junk. */
function mixedMails(count: number): Buffer[] {
  const tenants: (readonly [string, string])[] = [
    ['globex', 'Globex Deals <deals@globex-news.test>'],
    ['acme', 'Acme <news@acme-retail.test>'],
    ['initech', 'Initech <hello@initech.test>'],
    ...Array.from({ length: EXTRA_TENANTS }, (_, n) => {
      const { tenantId } = extraTenant(n);
      return [tenantId, `News <news@${tenantId}.test>`] as const;
    }),
  ];
  const mails: Buffer[] = [];
  for (let serial = 1; serial <= count; serial++) {
    const [tenantId, from] = tenants[serial % tenants.length] ?? [
      'globex',
      'Globex <deals@globex-news.test>',
    ];
    const original = (overrides: Partial<DemoOriginal> = {}): DemoOriginal => ({
      tenantId,
      from,
      subject: `Offer ${serial}`,
      recipient: `user${serial}@demo-isp.test`,
      submissionIp: `203.0.113.${serial % 250}`,
      serial,
      ...overrides,
    });
    const slot = serial % 20;
    let raw: string;
    if (slot < 9) raw = buildArfReport(original()).raw;
    else if (slot < 13) raw = buildHumanForward(original(), `person${serial % 97}@demo-mail.test`).raw;
    else if (slot < 16) raw = buildArfReport(original({ tenantId: undefined }), 'fraud').raw;
    else if (slot < 18)
      raw = buildArfReport(original({ from: `Promo <win@unregistered-${serial % 7}.test>` })).raw;
    else
      raw = `From: Auto Reply <noreply@demo-mail.test>\r\nSubject: Out of office\r\nAuto-Submitted: auto-replied\r\nMessage-ID: <ooo-${serial}@demo-mail.test>\r\n\r\nI am away.\r\n`;
    mails.push(Buffer.from(raw));
  }
  return mails;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;
}

/** Runs the whole local pipeline over an mbox of COUNT mixed reports. */
export async function run(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'abuse-intake-e2e-bench-'));
  const dataDir = join(dir, 'data');
  markDemoDataDir(dataDir);
  const mbox = join(dir, 'reports.mbox');
  writeFileSync(mbox, joinMbox(mixedMails(COUNT)));
  const acceptedAt = new Map<string, number>();
  const latencies: number[] = [];
  let lastDone = 0;
  const base = loadLocalConfig({ env: {}, cwd: dir, overrides: { dataDir, smtpPort: 0, httpPort: 0 } });
  const server = await startServer({
    config: { ...base, purgeIntervalMinutes: 10_080 },
    resolver: demoResolver,
    log: () => {},
    onProcessed: (jobs) => {
      const done = performance.now();
      lastDone = done;
      for (const job of jobs) {
        const start = acceptedAt.get(job.submissionId);
        if (start !== undefined) latencies.push(done - start);
      }
    },
  });
  try {
    const now = new Date().toISOString();
    await seedDemoTenants(server.services.directory, now);
    for (let n = 0; n < EXTRA_TENANTS; n++)
      await server.services.directory.putTenant(validateTenant(extraTenant(n), now));
    const counts = { reads: 0, writes: 0 };
    server.services.stores.client.middlewareStack.add(
      (next, context) => async (args) => {
        // Billing counts items, not calls: a BatchWriteItem of 25 puts is 25 writes, a BatchGetItem of 10 keys 10 reads.
        const input = args.input as {
          RequestItems?: Record<string, unknown[] | { Keys?: unknown[] }>;
        };
        const items = Object.values(input.RequestItems ?? {}).reduce<number>(
          (sum, value) => sum + (Array.isArray(value) ? value.length : (value.Keys?.length ?? 0)),
          0,
        );
        const weight = Math.max(1, items);
        if (READ_COMMANDS.has(context.commandName ?? '')) counts.reads += weight;
        else counts.writes += weight;
        return next(args);
      },
      { step: 'initialize', name: 'countRequests' },
    );
    let peakRss = process.memoryUsage().rss;
    let peakHeap = process.memoryUsage().heapUsed;
    const sampler = setInterval(() => {
      const usage = process.memoryUsage();
      peakRss = Math.max(peakRss, usage.rss);
      peakHeap = Math.max(peakHeap, usage.heapUsed);
    }, 50);
    const { items } = await listMailItems([mbox]);
    const started = performance.now();
    await forEachLimited(items, ACCEPT_LANES, async (item) => {
      const raw = await item.read();
      const before = performance.now();
      const id = await server.accept(raw);
      acceptedAt.set(id, before);
    });
    await server.idle();
    clearInterval(sampler);
    const seconds = (lastDone - started) / 1000;
    const reports = await countReports(server);
    latencies.sort((a, b) => a - b);
    return [
      {
        suite: 'e2e',
        case: `${items.length} mixed reports about ${EXTRA_TENANTS + 3} tenants from an mbox`,
        subject: 'local pipeline (fsync accept → queue → parse/attribute/record/score on dynalite)',
        metrics: {
          'submissions/s': (items.length / seconds).toFixed(0),
          'p50 ms': percentile(latencies, 0.5).toFixed(0),
          'p99 ms': percentile(latencies, 0.99).toFixed(0),
          'peak RSS MB': (peakRss / 2 ** 20).toFixed(0),
          'peak heap MB': (peakHeap / 2 ** 20).toFixed(0),
          reports: String(reports),
          'ddb reads/report': (counts.reads / reports).toFixed(2),
          'ddb writes/report': (counts.writes / reports).toFixed(2),
        },
      },
    ];
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Reports recorded, counted through the submissions (each lists its report ids). */
async function countReports(server: Awaited<ReturnType<typeof startServer>>): Promise<number> {
  let total = 0;
  let cursor: string | undefined;
  do {
    const page = await server.services.records.listSubmissions({ limit: 500, ...(cursor ? { cursor } : {}) });
    for (const submission of page.items) total += submission.reportIds.length;
    cursor = page.cursor;
  } while (cursor);
  return total;
}
