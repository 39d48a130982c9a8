/** `abuse-intake purge`: apply retention now (the server also does it on a schedule). */
import type { Command } from 'commander';
import { purgeExpired } from '../../runtime/retention-purge.ts';
import { type DataDirOptions, withDataDirOptions, withLocalServices } from '../with-local-services.ts';

/** Registers `purge`. */
export function registerPurge(program: Command): void {
  withDataDirOptions(
    program
      .command('purge')
      .description('delete reports, records and raw mail older than the retention (default 180 days)'),
  ).action(async (options: DataDirOptions) => {
    const result = await withLocalServices(options, (services) =>
      purgeExpired({
        client: services.stores.client,
        tables: services.stores.tables,
        rawMail: services.rawMail,
        retentionDays: services.stores.config.retentionDays,
        now: Date.now(),
      }),
    );
    const items = Object.entries(result.items)
      .map(([table, count]) => `${table} ${count}`)
      .join(', ');
    process.stdout.write(`purged expired items (${items}) and ${result.rawMails} raw mails\n`);
  });
}
