import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import { afterAll, describe, expect, it } from 'vitest';
import { seedDemoTenants } from '../../local/demo/run-demo.ts';
import { createLocalServices } from '../../local/runtime/local-services.ts';
import { openLocalStores } from '../../local/runtime/open-local-stores.ts';
import type { ServerInfo } from '../../local/runtime/server-info.ts';
import type { ReportRecord } from '../../shared/core/model/index.ts';
import { explainTenant } from '../../shared/core/score/index.ts';
import { childExit, hasExited } from '../support/child-exit.ts';
import { waitFor } from '../support/wait-for.ts';
import { demoDataDir, globexComplaint } from './local-harness.ts';

const BATCH = 500;
/** 500 mails, two server starts and a full check take ~10 s alone; `npm test` shares two cores with every suite. */
const TEST_TIMEOUT_MS = 240_000;
/** The server dies after this many 250 replies, with more mail in flight on four connections. */
const KILL_AFTER = 150;
const LANES = 4;
/** Weight of one proven abuse complaint from an authenticated feed: 1 × 1.5 × 1 (DESIGN §4, DEFAULT_POLICY). */
const COMPLAINT_WEIGHT = 1.5;
const HALF_LIFE_MS = 24 * 3_600_000;
/** One health request; a request stuck on a wedged server is retried rather than waited on for ever. */
const HEALTH_REQUEST_TIMEOUT_MS = 10_000;
/** A SIGTERMed server finishes its batch and closes its stores; far longer means its shutdown hangs. */
const SHUTDOWN_TIMEOUT_MS = 60_000;
/** How much of a child's stderr an error message quotes. */
const STDERR_TAIL_CHARS = 4_000;
const BIN = join(import.meta.dirname, '../../bin/abuse-intake.js');

const dataDir = demoDataDir();
const configFile = join(dataDir, 'crash.config.json');
const children: ChildProcess[] = [];
const stderrTails = new Map<ChildProcess, () => string>();
afterAll(() => {
  for (const child of children) if (!hasExited(child)) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

function startChild(): ChildProcess {
  const child = spawn(process.execPath, [BIN, 'serve', '--config', configFile], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
  });
  children.push(child);
  // Read, or a chatty server blocks for ever on a full pipe (stderr writes to a pipe are synchronous on Linux).
  let tail = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-STDERR_TAIL_CHARS);
  });
  stderrTails.set(child, () => tail);
  return child;
}

/** Why waiting on `child` is pointless: it exited (with the end of what it said), or undefined while it runs. */
function exitReason(child: ChildProcess): string | undefined {
  if (!hasExited(child)) return undefined;
  return `server exited with ${child.exitCode ?? child.signalCode}: ${stderrTails.get(child)?.() ?? ''}`;
}

/** Waits for the child's own server.json; a cold start (tsx, dynalite, LevelDB) takes well over 30 s under load. */
function serverInfoOf(child: ChildProcess): Promise<ServerInfo> {
  return waitFor(
    async () => {
      const info = JSON.parse(readFileSync(join(dataDir, 'server.json'), 'utf8')) as ServerInfo;
      return info.pid === child.pid && info.smtp && info.http ? info : undefined;
    },
    {
      what: `server ${child.pid} start`,
      abortIf: () => exitReason(child),
    },
  );
}

async function drained(info: ServerInfo, child: ChildProcess): Promise<void> {
  await waitFor(
    async () => {
      const response = await fetch(`http://127.0.0.1:${info.http?.port}/health`, {
        signal: AbortSignal.timeout(HEALTH_REQUEST_TIMEOUT_MS),
      });
      const health = (await response.json()) as { queueDepth: number };
      return health.queueDepth === 0 ? true : undefined;
    },
    {
      what: 'queue drain after the restart',
      intervalMs: 200,
      abortIf: () => exitReason(child),
    },
  );
}

describe('crash safety', () => {
  it(
    'processes every mail that got 250 exactly once after a SIGKILL in the middle of a batch',
    async () => {
      // No caps or thresholds in the way, so the score is exactly the decayed sum of all complaints.
      writeFileSync(
        configFile,
        JSON.stringify({
          dataDir,
          smtp: { port: 0 },
          http: { port: 0 },
          policy: {
            perReporterCap: { 'automated-feed': 1e9, 'authenticated-human': 1e9, unauthenticated: 1e9 },
            warnThreshold: 1e9,
            restrictThreshold: 2e9,
          },
        }),
      );
      const seeding = await openLocalStores({ configFile, env: {} });
      await seedDemoTenants(createLocalServices(seeding).directory, new Date().toISOString());
      await seeding.close();

      const first = startChild();
      const info = await serverInfoOf(first);
      const mails = Array.from({ length: BATCH }, () => globexComplaint('Crash batch').raw);
      const acked: string[] = [];
      let next = 0;
      const lane = async () => {
        const transport = createTransport({
          host: '127.0.0.1',
          port: info.smtp?.port,
          secure: false,
          ignoreTLS: true,
        });
        try {
          while (next < mails.length) {
            const raw = mails[next++] ?? '';
            const sent = await transport
              .sendMail({ envelope: { from: 'fbl@fbl.demo-isp.test', to: ['junk@abuse-intake.test'] }, raw })
              .catch(() => undefined);
            if (sent === undefined) return; // the server is gone; the rest was never acknowledged
            acked.push(/Queued as (\S+)/.exec(sent.response)?.[1] ?? '');
            if (acked.length === KILL_AFTER) first.kill('SIGKILL');
          }
        } finally {
          transport.close();
        }
      };
      await Promise.all(Array.from({ length: LANES }, lane));
      // The lanes often notice the dead server only after its exit event has fired.
      await childExit(first);
      expect(acked.length).toBeGreaterThanOrEqual(KILL_AFTER);
      expect(acked.length).toBeLessThan(BATCH);

      const second = startChild();
      await drained(await serverInfoOf(second), second);
      second.kill('SIGTERM');
      await childExit(second, SHUTDOWN_TIMEOUT_MS);

      const stores = await openLocalStores({ configFile, env: {} });
      try {
        const services = createLocalServices(stores);
        for (const id of acked) {
          const submission = await services.records.getSubmission(id);
          expect(submission, `acknowledged ${id}`).toMatchObject({ status: 'processed', kind: 'arf' });
          expect(submission?.reportIds).toHaveLength(1);
        }
        const reports: ReportRecord[] = [];
        let cursor: string | undefined;
        do {
          const page = await services.records.queryReports({
            index: { by: 'tenant', tenantId: 'globex' },
            limit: 500,
            ...(cursor ? { cursor } : {}),
          });
          reports.push(...page.items);
          cursor = page.cursor;
        } while (cursor);
        expect(new Set(reports.map((report) => report.reportId)).size).toBe(reports.length);
        expect(reports.length).toBeGreaterThanOrEqual(acked.length);

        const now = Date.now() + 60_000;
        const expected = reports.reduce(
          (sum, report) =>
            sum + COMPLAINT_WEIGHT * 2 ** (-(now - Date.parse(report.receivedAt)) / HALF_LIFE_MS),
          0,
        );
        const explanation = await explainTenant('globex', services.scoring, new Date(now).toISOString());
        expect(Math.abs(explanation.score - expected) / expected).toBeLessThan(1e-6);
      } finally {
        await stores.close();
      }
    },
    TEST_TIMEOUT_MS,
  );
});
