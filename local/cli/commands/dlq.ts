/** `abuse-intake dlq list|replay`: the dead letters of the local work queue. */
import { join } from 'node:path';
import type { Command } from 'commander';
import { loadLocalConfig } from '../../config/local-config.ts';
import type { IntakeJob } from '../../pipeline/intake-job.ts';
import { type DiskQueue, openDiskQueue } from '../../queue/disk-queue.ts';
import { DATA_DIR_LAYOUT } from '../../runtime/local-services.ts';
import { readServerInfo } from '../../runtime/server-info.ts';
import { formatTable, inertText } from '../terminal-text.ts';
import { type DataDirOptions, withDataDirOptions } from '../with-local-services.ts';

/**
 * Opens the queue of a data directory beside a possibly running server: without crash recovery, so entries the
 * server has in flight stay its own; the server picks replayed entries up within its poll interval.
 */
export async function openQueueOf(
  options: DataDirOptions,
): Promise<{ queue: DiskQueue<IntakeJob>; dataDir: string }> {
  const config = loadLocalConfig({
    ...(options.config === undefined ? {} : { file: options.config }),
    env: process.env,
    ...(options.dataDir === undefined ? {} : { overrides: { dataDir: options.dataDir } }),
  });
  const queue = await openDiskQueue<IntakeJob>({
    dir: join(config.dataDir, DATA_DIR_LAYOUT.queue),
    ...config.queue,
    recover: false,
  });
  return { queue, dataDir: config.dataDir };
}

/** Registers `dlq list` and `dlq replay`. */
export function registerDlq(program: Command): void {
  const dlq = program.command('dlq').description('dead letters: submissions that failed every retry');
  withDataDirOptions(dlq.command('list').description('list dead letters with their last error'))
    .option('--json', 'JSON output')
    .action(async (options: DataDirOptions & { json?: boolean }) => {
      const { queue } = await openQueueOf(options);
      const dead = await queue.listDead();
      if (options.json) {
        process.stdout.write(`${JSON.stringify(dead, null, 2)}\n`);
        return;
      }
      if (dead.length === 0) {
        process.stdout.write('no dead letters\n');
        return;
      }
      process.stdout.write(
        formatTable(
          ['FAILED AT', 'SUBMISSION', 'ATTEMPTS', 'LAST ERROR'],
          dead.map((entry) => [
            entry.lastFailedAt ?? '-',
            entry.id,
            String(entry.attempts),
            inertText(entry.lastError ?? '-'),
          ]),
          80,
        ),
      );
    });
  withDataDirOptions(
    dlq.command('replay').description('put dead letters back in the queue with fresh retries'),
  )
    .argument('[ids...]', 'submission ids (default: all)')
    .action(async (ids: string[], options: DataDirOptions) => {
      const { queue, dataDir } = await openQueueOf(options);
      const dead = new Set((await queue.listDead()).map((entry) => entry.id));
      const unknown = ids.filter((id) => !dead.has(id));
      const replayed = await queue.replayDead(ids.length > 0 ? ids : undefined);
      const server = readServerInfo(dataDir);
      process.stdout.write(
        `replayed ${replayed} dead letter${replayed === 1 ? '' : 's'}; ${
          server
            ? `the running server (pid ${server.pid}) picks them up within seconds`
            : 'they run at the next `abuse-intake serve`'
        }\n`,
      );
      if (unknown.length > 0) {
        process.stderr.write(`not among the dead letters (see \`dlq list\`): ${unknown.join(', ')}\n`);
      }
      if (ids.length > 0 && replayed < ids.length) process.exitCode = 1;
    });
}
