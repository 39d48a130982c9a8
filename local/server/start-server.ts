import { fileURLToPath } from 'node:url';
import type { IntakeOutcome } from '../../shared/core/intake/process-submission.ts';
import type { PlatformConfig } from '../../shared/core/platform/platform-config.ts';
import { checkSending } from '../../shared/core/score/index.ts';
import { createTokenAuthenticator } from '../../shared/http/auth/token-authenticator.ts';
import { createApi } from '../../shared/http/create-api.ts';
import type { ApiToken, LocalConfig } from '../config/local-config.ts';
import { startLocalHttpServer } from '../http/local-http-server.ts';
import type { IntakeJob } from '../pipeline/intake-job.ts';
import { type DiskQueue, openDiskQueue } from '../queue/disk-queue.ts';
import { startQueueWorkers } from '../queue/queue-workers.ts';
import { createLocalServices, type LocalServices } from '../runtime/local-services.ts';
import { openDataDir } from '../runtime/open-local-stores.ts';
import { purgeExpired } from '../runtime/retention-purge.ts';
import { removeServerInfo, writeServerInfo } from '../runtime/server-info.ts';
import type { DNSResolver } from '../smtp/authenticate-submission.ts';
import { startSmtpListener } from '../smtp/smtp-listener.ts';
import { createAcceptMail } from './accept-mail.ts';
import { resolveApiTokens } from './api-token-file.ts';
import { createLocalAnalystDeps } from './local-analyst-deps.ts';
import { processQueueBatch } from './process-queue-batch.ts';
import { createHealthTracker } from './runtime-health.ts';
import { startStandingReview } from './standing-review.ts';

/** Entries one worker takes at once: scoring a batch costs about one update per tenant instead of per report. */
const QUEUE_BATCH_SIZE = 500;
/**
 * How long a worker lets a partial batch fill: under load a batch then holds many reports per tenant (one score
 * update and one standing check each), at the price of this much latency when mail trickles in.
 */
const QUEUE_BATCH_WINDOW_MS = 400;

/** The dashboard's files, served at `/`. */
const STATIC_ROOT = fileURLToPath(new URL('../../web/static/', import.meta.url));

/** How to start the server. */
export interface StartServerOptions {
  readonly config: LocalConfig;
  /** Replaces the configured platform (the demo brings its own signing key). */
  readonly platform?: PlatformConfig;
  /** DNS for authenticating reporters (the demo's records); default: the system resolver. */
  readonly resolver?: DNSResolver;
  /** Records one queued job (parse → attribute → record); default recordQueuedJob. Tests inject failures here. */
  readonly runJob?: (job: IntakeJob, services: LocalServices) => Promise<IntakeOutcome>;
  /** Told about jobs once recorded and scored (the benchmark measures latency here). */
  readonly onProcessed?: (jobs: readonly IntakeJob[]) => void;
  /** One line per event (start-up problems, failures); never mail content. */
  readonly log?: (line: string) => void;
}

/** A running server: where it listens, its services, and how to stop it. */
export interface RunningServer {
  readonly config: LocalConfig;
  readonly smtp: { readonly host: string; readonly port: number };
  readonly http: { readonly host: string; readonly port: number; readonly url: string };
  readonly services: LocalServices;
  readonly queue: DiskQueue<IntakeJob>;
  /** Accepts a raw mail exactly as the SMTP listener does (durable, queued); resolves with its submission id. */
  accept(raw: Uint8Array): Promise<string>;
  /** The token printed for a first login when none is configured. */
  readonly generatedToken?: ApiToken;
  /** Resolves once the queue is empty and nothing is in flight. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the whole one-machine pipeline in this process (issue 6): dynalite on the data directory (under its lock),
 * the durable queue and its workers running the same core as the Lambdas, the SMTP listener, the HTTP server
 * (API + dashboard) and the retention purge; then publishes `<dataDir>/server.json` for CLI commands.
 */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const { config } = options;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const stores = await openDataDir(config, 'abuse-intake serve');
  const stopping: (() => Promise<void>)[] = [() => stores.close()];
  const stopAll = async () => {
    for (const stop of stopping.splice(0).reverse())
      await stop().catch((error) => log(`stop: ${String(error)}`));
  };
  try {
    const services = createLocalServices(stores, options.platform ? { platform: options.platform } : {});
    const queue = await openDiskQueue<IntakeJob>({ dir: services.queueDir, ...config.queue });
    const health = createHealthTracker(services.records);
    const workers = startQueueWorkers<IntakeJob>({
      queue,
      concurrency: config.queue.concurrency,
      batchSize: QUEUE_BATCH_SIZE,
      batchWindowMs: QUEUE_BATCH_WINDOW_MS,
      handle: (entries) =>
        processQueueBatch(entries, services, {
          health,
          ...(options.runJob ? { runJob: options.runJob } : {}),
          ...(options.onProcessed ? { onProcessed: options.onProcessed } : {}),
        }),
      onFailure: (entry, error, outcome) => {
        const message = `${entry.id}: ${describeFailure(error)}`;
        health.recordFailure(message, new Date().toISOString());
        log(
          `worker: ${message} (attempt ${entry.attempts}, ${outcome === 'dead' ? 'moved to dead letters' : outcome})`,
        );
      },
      onQueueError: (error) => {
        const message = `queue: ${describeFailure(error)}`;
        health.recordFailure(message, new Date().toISOString());
        log(`worker: ${message}`);
      },
    });
    stopping.push(() => workers.stop());

    const accept = createAcceptMail({ rawMail: services.rawMail, queue, onQueued: () => workers.notify() });
    const smtp = await startSmtpListener({
      host: config.smtp.host,
      port: config.smtp.port,
      maxMessageBytes: config.smtp.maxMessageBytes,
      reportingAddresses: services.pipeline.intake.platform.reportingAddresses,
      ...(config.smtp.tls ? { tls: config.smtp.tls } : {}),
      accept: (mail) => accept(mail.raw),
      ...(options.resolver ? { resolver: options.resolver } : {}),
      ...(services.pipeline.intake.platform.trustedAuthservIds[0]
        ? { authservId: services.pipeline.intake.platform.trustedAuthservIds[0] }
        : {}),
      onError: log,
    });
    stopping.push(() => smtp.close());

    const { tokens, generated } = resolveApiTokens(config.tokens, config.dataDir);
    const api = createApi(
      {
        now: () => new Date().toISOString(),
        authenticate: createTokenAuthenticator(tokens),
        enforcementRequiresToken: config.enforcementRequiresToken,
        health: async () =>
          health.snapshot(queue.depth(), { smtp: `${smtp.host}:${smtp.port}`, dataDir: config.dataDir }),
        checkSending: (tenantId, fromDomain, now) =>
          checkSending(tenantId, fromDomain, services.scoring, now),
        analyst: createLocalAnalystDeps(services, async (actor) => {
          const replayed = await queue.replayDead();
          if (replayed > 0) workers.notify();
          log(`dlq: ${actor} replayed ${replayed} dead letters`);
          return { replayed };
        }),
      },
      (message, error) => log(`${message}: ${error instanceof Error ? error.message : String(error)}`),
    );
    const http = await startLocalHttpServer({
      host: config.http.host,
      port: config.http.port,
      api,
      staticRoot: STATIC_ROOT,
      onError: log,
    });
    stopping.push(() => http.close());

    const purge = async () => {
      const result = await purgeExpired({
        client: stores.client,
        tables: stores.tables,
        rawMail: services.rawMail,
        retentionDays: config.retentionDays,
        now: Date.now(),
      });
      const items = Object.values(result.items).reduce((sum, count) => sum + count, 0);
      if (items + result.rawMails > 0)
        log(`retention: purged ${items} items and ${result.rawMails} raw mails`);
    };
    // Background runs are tracked so stop() waits for them: otherwise a purge or review still in flight would
    // reach dynalite after it closed (or, on a reused port, another server's tables).
    const background = new Set<Promise<void>>();
    const inBackground = (what: string, run: () => Promise<unknown>) => {
      const running: Promise<void> = run()
        .then(() => undefined)
        .catch((error) => log(`${what}: ${String(error)}`))
        .finally(() => background.delete(running));
      background.add(running);
    };
    const purgeTimer = setInterval(
      () => inBackground('retention', purge),
      config.purgeIntervalMinutes * 60_000,
    );
    purgeTimer.unref();
    inBackground('retention', purge);

    const review = startStandingReview({ scoring: services.scoring, log });
    inBackground('standing review', () => review.runOnce());
    stopping.push(async () => {
      clearInterval(purgeTimer);
      await review.stop();
      await Promise.all(background);
    });

    writeServerInfo(config.dataDir, {
      pid: process.pid,
      dynamoEndpoint: stores.endpoint,
      smtp: { host: smtp.host, port: smtp.port },
      http: { host: http.host, port: http.port },
      startedAt: new Date().toISOString(),
    });
    stopping.push(async () => removeServerInfo(config.dataDir));

    return {
      config,
      smtp: { host: smtp.host, port: smtp.port },
      http: { host: http.host, port: http.port, url: http.url },
      services,
      queue,
      accept,
      ...(generated ? { generatedToken: generated } : {}),
      idle: () => workers.idle(),
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** A failure as one line for the log and /health. */
function describeFailure(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
