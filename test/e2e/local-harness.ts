/** Starts the real local server on 127.0.0.1:0 in a temporary data directory, and talks to it like a client. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import { type LocalConfig, loadLocalConfig } from '../../local/config/local-config.ts';
import { buildArfReport, type DemoOriginal, type DemoSubmission } from '../../local/demo/demo-mail.ts';
import { demoResolver, markDemoDataDir } from '../../local/demo/demo-platform.ts';
import { seedDemoTenants } from '../../local/demo/run-demo.ts';
import { type RunningServer, type StartServerOptions, startServer } from '../../local/server/start-server.ts';

/** A started server with its temporary data directory. */
export interface TestServer {
  readonly server: RunningServer;
  readonly dataDir: string;
  readonly token: string;
  /** Stops the server and deletes the data directory. */
  dispose(): Promise<void>;
}

/** A fresh data directory marked as demo data (the demo's platform keys and reporter DNS apply). */
export function demoDataDir(): string {
  const dataDir = mkdtempSync(join(tmpdir(), 'abuse-intake-e2e-'));
  markDemoDataDir(dataDir);
  return dataDir;
}

/** The configuration of a test server: ports 0, fast retries, the given tweaks. */
export function testConfig(
  dataDir: string,
  tweak: (config: LocalConfig) => LocalConfig = (c) => c,
): LocalConfig {
  const base = loadLocalConfig({ env: {}, cwd: dataDir, overrides: { dataDir, smtpPort: 0, httpPort: 0 } });
  return tweak({ ...base, queue: { ...base.queue, retryBaseMs: 20 } });
}

/** Starts a server with the demo tenants seeded. */
export async function startTestServer(
  tweak?: (config: LocalConfig) => LocalConfig,
  options: Omit<StartServerOptions, 'config'> = {},
): Promise<TestServer> {
  const dataDir = demoDataDir();
  const server = await startServer({
    config: testConfig(dataDir, tweak),
    resolver: demoResolver,
    log: () => {},
    ...options,
  }).catch((error: unknown) => {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  const dispose = async () => {
    try {
      await server.stop();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  };
  try {
    await seedDemoTenants(server.services.directory, new Date().toISOString());
  } catch (error) {
    // The caller never gets a TestServer to dispose of: stop it here, or its dynalite thread and ports outlive it.
    await dispose();
    throw error;
  }
  return { server, dataDir, token: server.generatedToken?.token ?? '', dispose };
}

let serial = 1000;
/** An ARF complaint from the demo feed about a message Globex sent through the platform. */
export function globexComplaint(subject = 'Weekly deals'): DemoSubmission {
  serial++;
  const original: DemoOriginal = {
    tenantId: 'globex',
    from: 'Globex Deals <deals@globex-news.test>',
    subject: `${subject} ${serial}`,
    recipient: `user${serial}@demo-isp.test`,
    submissionIp: '203.0.113.77',
    serial,
  };
  return buildArfReport(original);
}

/** The SMTP reply to one mail (`250 …` or the error's response), sent with a real client. */
export async function sendMail(
  port: number,
  raw: string | Buffer,
  envelope: { from?: string; to?: string } = {},
): Promise<string> {
  const transport = createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  try {
    const info = await transport.sendMail({
      envelope: {
        from: envelope.from ?? 'fbl@fbl.demo-isp.test',
        to: [envelope.to ?? 'junk@abuse-intake.test'],
      },
      raw,
    });
    return info.response;
  } catch (error) {
    return (error as { response?: string }).response ?? String(error);
  } finally {
    transport.close();
  }
}

/** GET on the server's HTTP API, with the generated token unless `token` is false. */
export async function apiGet(test: TestServer, path: string, token: string | false = test.token) {
  const response = await fetch(`${test.server.http.url}${path}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** The submission id in a `250 … Queued as <id>` reply. */
export function queuedId(reply: string): string {
  const id = /Queued as (\S+)/.exec(reply)?.[1];
  if (!id) throw new Error(`not a queued reply: ${reply}`);
  return id;
}
