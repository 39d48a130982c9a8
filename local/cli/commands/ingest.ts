/** `abuse-intake ingest PATH...`: feed .eml files, folders, mbox files and Maildirs through the pipeline. */
import type { Command } from 'commander';
import { loadLocalConfig } from '../../config/local-config.ts';
import { ingestDirect } from '../../ingest/ingest-direct.ts';
import { ingestViaSmtp } from '../../ingest/ingest-smtp.ts';
import { formatSummary, type IngestSummary, summaryJson } from '../../ingest/ingest-summary.ts';
import { listMailItems } from '../../ingest/mail-sources.ts';
import { createProgress } from '../../ingest/progress.ts';
import { readServerInfo } from '../../runtime/server-info.ts';
import { type DataDirOptions, withDataDirOptions, withLocalServices } from '../with-local-services.ts';

interface IngestOptions extends DataDirOptions {
  readonly smtp?: boolean | string;
  readonly json?: boolean;
  readonly concurrency?: string;
}

/** Registers `ingest`. */
export function registerIngest(program: Command): void {
  withDataDirOptions(
    program
      .command('ingest')
      .description('feed .eml files, folders, mbox files and Maildirs through the pipeline')
      .argument('<paths...>', '.eml files, folders, mbox files or Maildirs'),
  )
    .option('--smtp [host:port]', 'send over SMTP to the running server (default: the one on the data dir)')
    .option('--concurrency <n>', 'mails processed at once (direct mode)', '8')
    .option('--json', 'print the summary as JSON')
    .action(async (paths: string[], options: IngestOptions) => {
      const { items, problems, skipped } = await listMailItems(paths);
      const progress = createProgress(items.length, 'ingest');
      let summary: IngestSummary;
      if (options.smtp !== undefined && options.smtp !== false) {
        const target = smtpTarget(options);
        summary = await ingestViaSmtp(items, target, { onDone: () => progress.tick() });
      } else {
        const concurrency = Number(options.concurrency);
        if (!Number.isInteger(concurrency) || concurrency < 1)
          throw new Error('--concurrency must be a whole number ≥ 1');
        summary = await withLocalServices(options, (services) =>
          ingestDirect(items, services, { concurrency, onDone: () => progress.tick() }),
        );
      }
      progress.done();
      for (const problem of problems) summary.failed.push({ label: problem.path, reason: problem.reason });
      for (const { reason } of skipped) summary.skipped[reason] = (summary.skipped[reason] ?? 0) + 1;
      process.stdout.write(options.json ? summaryJson(summary) : formatSummary(summary));
      if (summary.failed.length > 0 || items.length === 0) process.exitCode = 1;
    });
}

function smtpTarget(options: IngestOptions): { host: string; port: number; to: string } {
  const config = loadLocalConfig({
    ...(options.config === undefined ? {} : { file: options.config }),
    env: process.env,
    ...(options.dataDir === undefined ? {} : { overrides: { dataDir: options.dataDir } }),
  });
  const to = config.platform.reportingAddresses[0] ?? 'junk@abuse-intake.test';
  if (typeof options.smtp === 'string') {
    const match = /^(.+):(\d+)$/.exec(options.smtp);
    if (!match) throw new Error('--smtp takes host:port, e.g. --smtp 127.0.0.1:2525');
    return { host: match[1] ?? '127.0.0.1', port: Number(match[2]), to };
  }
  const server = readServerInfo(config.dataDir);
  if (server?.smtp) return { ...server.smtp, to };
  return { host: config.smtp.host, port: config.smtp.port, to };
}
