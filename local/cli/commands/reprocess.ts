/** `abuse-intake reprocess`: run stored raw mail through parse and attribution again, without double counting. */
import type { Command } from 'commander';
import { formatSummary } from '../../ingest/ingest-summary.ts';
import { createProgress } from '../../ingest/progress.ts';
import { reprocessStored } from '../../pipeline/reprocess.ts';
import { type DataDirOptions, withDataDirOptions, withLocalServices } from '../with-local-services.ts';

interface ReprocessOptions extends DataDirOptions {
  readonly since?: string;
  readonly until?: string;
  readonly json?: boolean;
}

/** Registers `reprocess`. */
export function registerReprocess(program: Command): void {
  withDataDirOptions(
    program
      .command('reprocess')
      .description(
        're-run parsing, attribution and scoring over stored raw mail (idempotent: nothing counts twice)',
      )
      .argument('[submissionIds...]', 'only these submissions (default: all stored raw mail)'),
  )
    .option('--since <time>', 'only submissions received at or after (ISO 8601)')
    .option('--until <time>', 'only submissions received at or before (ISO 8601)')
    .option('--json', 'print the summary as JSON')
    .action(async (ids: string[], options: ReprocessOptions) => {
      const summary = await withLocalServices(options, async (services) => {
        let progress: ReturnType<typeof createProgress> | undefined;
        const result = await reprocessStored(services, {
          ...(ids.length > 0 ? { ids } : {}),
          ...(options.since ? { since: options.since } : {}),
          ...(options.until ? { until: options.until } : {}),
          onStart: (total) => {
            progress = createProgress(total, 'reprocess');
          },
          onDone: () => progress?.tick(),
        });
        progress?.done();
        return result;
      });
      process.stdout.write(options.json ? `${JSON.stringify(summary, null, 2)}\n` : formatSummary(summary));
      if (summary.failed.length > 0) process.exitCode = 1;
    });
}
