/** `abuse-intake submissions list`: incoming mails, e.g. the unusable ones with their reasons. */
import type { Command } from 'commander';
import type { SubmissionRecord } from '../../../shared/core/model/index.ts';
import { summarizeSubmission } from '../../../shared/http/report-views.ts';
import type { LocalServices } from '../../runtime/local-services.ts';
import { formatTable } from '../terminal-text.ts';
import { type DataDirOptions, withDataDirOptions, withLocalServices } from '../with-local-services.ts';

/** Submissions newest first, optionally only one status, at most `limit`. */
export async function listSubmissions(
  services: LocalServices,
  status: 'processed' | 'unusable' | undefined,
  limit: number,
): Promise<SubmissionRecord[]> {
  const found: SubmissionRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await services.records.listSubmissions({
      ...(status ? { status } : {}),
      limit: Math.min(500, limit - found.length),
      ...(cursor ? { cursor } : {}),
    });
    found.push(...page.items);
    cursor = page.cursor;
  } while (cursor && found.length < limit);
  return found.slice(0, limit);
}

/** Registers `submissions list`. */
export function registerSubmissions(program: Command): void {
  const submissions = program.command('submissions').description('incoming mails and what became of them');
  withDataDirOptions(submissions.command('list').description('list submissions, newest first'))
    .option('--status <status>', 'processed or unusable')
    .option('--limit <n>', 'most rows', '50')
    .option('--json', 'JSON output')
    .action(async (options: DataDirOptions & { status?: string; limit: string; json?: boolean }) => {
      if (options.status !== undefined && options.status !== 'processed' && options.status !== 'unusable') {
        throw new Error('--status must be "processed" or "unusable"');
      }
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1) throw new Error('--limit must be a whole number ≥ 1');
      const status = options.status as 'processed' | 'unusable' | undefined;
      const rows = (
        await withLocalServices(options, (services) => listSubmissions(services, status, limit))
      ).map(summarizeSubmission);
      if (options.json) {
        process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        return;
      }
      if (rows.length === 0) {
        process.stdout.write('no submissions match\n');
        return;
      }
      process.stdout.write(
        formatTable(
          ['RECEIVED', 'SUBMISSION', 'KIND', 'REPORTS', 'REPORTER', 'REASON / SUBJECT'],
          rows.map((row) => [
            row.receivedAt.slice(0, 19).replace('T', ' '),
            row.submissionId,
            row.kind,
            String(row.reportIds.length),
            row.reporter ?? '-',
            row.reason ? `${row.reason.code}: ${row.reason.message}` : (row.subject ?? ''),
          ]),
          60,
        ),
      );
    });
}
