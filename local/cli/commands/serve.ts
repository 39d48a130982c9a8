/** `abuse-intake serve`: the whole pipeline in one process (issue 6); `npm start` runs it. */
import type { Command } from 'commander';
import { loadLocalConfig } from '../../config/local-config.ts';
import { assertDemoMayUse } from '../../demo/demo-data-dir-guard.ts';
import { demoResolver, isDemoDataDir, markDemoDataDir, withDemoPlatform } from '../../demo/demo-platform.ts';
import { runDemo } from '../../demo/run-demo.ts';
import { formatBanner } from '../../server/banner.ts';
import { startServer } from '../../server/start-server.ts';
import { type DataDirOptions, withDataDirOptions } from '../with-local-services.ts';

interface ServeOptions extends DataDirOptions {
  readonly smtpPort?: string;
  readonly httpPort?: string;
  readonly smtpHost?: string;
  readonly httpHost?: string;
  readonly demo?: boolean;
}

function port(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) > 65535)
    throw new Error(`${flag} must be a port number 0-65535 (0 picks a free one)`);
  return Number(value);
}

/** Registers `serve`. */
export function registerServe(program: Command): void {
  withDataDirOptions(
    program
      .command('serve')
      .description('run SMTP intake, workers, DynamoDB (dynalite) and the HTTP API/dashboard in one process'),
  )
    .option('--smtp-port <port>', 'SMTP port (default 2525; 0 picks a free one)')
    .option('--http-port <port>', 'HTTP port (default 8080; 0 picks a free one)')
    .option('--smtp-host <host>', 'SMTP listen address (default 127.0.0.1)')
    .option('--http-host <host>', 'HTTP listen address (default 127.0.0.1)')
    .option('--demo', 'seed example tenants and send a realistic mix of reports, then keep serving')
    .action(async (options: ServeOptions) => {
      const smtpPort = port(options.smtpPort, '--smtp-port');
      const httpPort = port(options.httpPort, '--http-port');
      const config = loadLocalConfig({
        ...(options.config === undefined ? {} : { file: options.config }),
        env: process.env,
        overrides: {
          ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }),
          ...(smtpPort === undefined ? {} : { smtpPort }),
          ...(httpPort === undefined ? {} : { httpPort }),
          ...(options.smtpHost === undefined ? {} : { smtpHost: options.smtpHost }),
          ...(options.httpHost === undefined ? {} : { httpHost: options.httpHost }),
        },
      });
      // A demo data directory keeps the demo's DNS for its reporters on every start (local-services adds its keys).
      const demoPlatform = options.demo === true || isDemoDataDir(config.dataDir);
      const server = await startServer({
        config,
        ...(demoPlatform ? { resolver: demoResolver } : {}),
        ...(options.demo ? { platform: withDemoPlatform(config.platform) } : {}),
      });
      if (options.demo) {
        try {
          await assertDemoMayUse(server.services, config.dataDir);
        } catch (error) {
          await server.stop();
          throw error;
        }
        markDemoDataDir(config.dataDir);
      }
      process.stdout.write(formatBanner(server, { demo: options.demo === true }));
      let stopping = false;
      const stop = async (signal: string) => {
        if (stopping) return;
        stopping = true;
        process.stderr.write(`\n${signal}: stopping (accepted mail stays queued)…\n`);
        await server.stop();
        process.exit(0);
      };
      process.on('SIGINT', () => void stop('SIGINT'));
      process.on('SIGTERM', () => void stop('SIGTERM'));
      if (options.demo) {
        await runDemo(server, (line) => process.stdout.write(`${line}\n`));
      }
      // Keep running until a signal arrives.
      await new Promise<never>(() => {});
    });
}
