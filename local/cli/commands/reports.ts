/** `abuse-intake reports list|show`: query recorded reports, with the same filters as the analyst API. */
import type { Command } from 'commander';
import type { ReportRecord, SubmissionKind } from '../../../shared/core/model/index.ts';
import { csvRow } from '../../../shared/http/csv.ts';
import { parseReportFilters, type ReportFilters } from '../../../shared/http/report-filters.ts';
import { iterateReports } from '../../../shared/http/report-search.ts';
import { REPORT_EXPORT_COLUMNS, summarizeReport } from '../../../shared/http/report-views.ts';
import type { LocalServices } from '../../runtime/local-services.ts';
import { formatTable, inertText } from '../terminal-text.ts';
import { type DataDirOptions, withDataDirOptions, withLocalServices } from '../with-local-services.ts';

/** Filters and output options of `reports list`. */
export interface ReportListOptions extends DataDirOptions {
  readonly tenant?: string;
  readonly from?: string;
  readonly to?: string;
  readonly sourceIp?: string;
  readonly senderDomain?: string;
  readonly senderAddress?: string;
  readonly reporter?: string;
  readonly messageId?: string;
  readonly feedbackType?: string;
  readonly kind?: string;
  readonly status?: string;
  readonly limit?: string;
  readonly json?: boolean;
  readonly csv?: boolean;
}

const KINDS = new Set<string>(['arf', 'forward', 'xarf']);
/** Default rows: a screenful; `--limit` raises it. */
const DEFAULT_LIMIT = 50;

/** The command line flag of each API filter, so an error names what the user typed. */
const FLAG_OF_FILTER: Readonly<Record<string, string>> = {
  tenant: '--tenant',
  from: '--from',
  to: '--to',
  sourceIp: '--source-ip',
  senderDomain: '--sender-domain',
  senderAddress: '--sender-address',
  reporter: '--reporter',
  messageId: '--message-id',
  feedbackType: '--feedback-type',
  attribution: '--status',
};

/** The API's reason (`to must be an ISO 8601 time, …`) with the filter's name replaced by its flag. */
function flagReason(reason: string): string {
  const [name = '', ...rest] = reason.split(' ');
  const flag = FLAG_OF_FILTER[name];
  if (flag === undefined) return reason;
  const text = `${flag} ${rest.join(' ')}`.replace(/\.$/, '');
  // Times: show today's midnight as the example, which is what `--to yesterday` meant to say.
  const today = `${new Date().toISOString().slice(0, 10)}T00:00:00Z`;
  return text.replace(/e\.g\. \d{4}-\d{2}-\d{2}T[\d:]+Z/, `e.g. ${today}`);
}

/** Reads the command line filters through the API's own filter parser, so both accept the same values. */
export function reportFiltersOf(options: ReportListOptions): {
  filters: ReportFilters;
  kind?: SubmissionKind;
} {
  if (options.status !== undefined && options.status !== 'attributed' && options.status !== 'unattributed') {
    throw new Error('--status must be "attributed" or "unattributed"');
  }
  if (options.kind !== undefined && !KINDS.has(options.kind))
    throw new Error('--kind must be arf, forward or xarf');
  const query: Record<string, string | undefined> = {
    tenant: options.tenant,
    from: options.from,
    to: options.to,
    sourceIp: options.sourceIp,
    senderDomain: options.senderDomain,
    senderAddress: options.senderAddress,
    reporter: options.reporter,
    messageId: options.messageId,
    feedbackType: options.feedbackType,
    attribution: options.status,
  };
  // The API reads an empty parameter as "no filter" (a blank form field); on the command line it is a mistake
  // (an unset shell variable), and listing everything instead would mislead.
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value.trim() === '')
      throw new Error(`${FLAG_OF_FILTER[name] ?? name} needs a value`);
  }
  const parsed = parseReportFilters(query);
  if (!parsed.ok) throw new Error(flagReason(parsed.reason));
  return { filters: parsed.value, ...(options.kind ? { kind: options.kind as SubmissionKind } : {}) };
}

/** Matching reports, newest first, at most `limit`; `kind` is checked on each report's submission. */
export async function listReports(
  services: LocalServices,
  query: { filters: ReportFilters; kind?: SubmissionKind },
  limit: number,
  now: string,
): Promise<ReportRecord[]> {
  const found: ReportRecord[] = [];
  const kinds = new Map<string, SubmissionKind | undefined>();
  for await (const report of iterateReports(
    services.records,
    query.filters,
    now,
    query.kind ? limit * 20 : limit,
  )) {
    if (query.kind) {
      if (!kinds.has(report.submissionId)) {
        kinds.set(report.submissionId, (await services.records.getSubmission(report.submissionId))?.kind);
      }
      if (kinds.get(report.submissionId) !== query.kind) continue;
    }
    found.push(report);
    if (found.length >= limit) break;
  }
  return found;
}

function formatReports(reports: readonly ReportRecord[], options: ReportListOptions): string {
  const rows = reports.map(summarizeReport);
  if (options.json) return `${JSON.stringify(rows, null, 2)}\n`;
  if (options.csv)
    return [
      csvRow(REPORT_EXPORT_COLUMNS),
      ...rows.map((row) => csvRow(REPORT_EXPORT_COLUMNS.map((c) => row[c]))),
    ].join('');
  if (rows.length === 0) return 'no reports match\n';
  return formatTable(
    ['RECEIVED', 'REPORT', 'TENANT', 'TYPE', 'REPORTER', 'SENDER', 'SOURCE IP', 'SUBJECT'],
    rows.map((row) => [
      row.receivedAt.slice(0, 19).replace('T', ' '),
      row.reportId,
      row.tenantId ?? `(${row.attribution})`,
      row.feedbackType,
      row.reporter ?? '-',
      row.senderAddress ?? '-',
      row.sourceIp ?? '-',
      row.subject ?? '',
    ]),
  );
}

/** `reports show`: the record, its attribution explanation, and the raw mail of its submission. */
export async function showReport(
  services: LocalServices,
  reportId: string,
  json: boolean,
): Promise<string | undefined> {
  const report = await services.records.getReport(reportId);
  if (report === undefined) return undefined;
  const raw = await services.rawMail.get(report.submissionId);
  const rawText = raw === undefined ? undefined : Buffer.from(raw).toString('utf8');
  if (json) return `${JSON.stringify({ report, rawMail: rawText ?? null }, null, 2)}\n`;
  const summary = summarizeReport(report);
  const lines = Object.entries(summary).map(
    ([key, value]) => `${key.padEnd(24)} ${inertText(String(value ?? '-'))}`,
  );
  return [
    ...lines,
    '',
    'Attribution:',
    inertText(report.attribution.explanation, true),
    '',
    `Raw mail of submission ${report.submissionId}${rawText === undefined ? ': (purged)' : ':'}`,
    ...(rawText === undefined ? [] : [inertText(rawText, true)]),
    '',
  ].join('\n');
}

/** Registers `reports list` and `reports show`. */
export function registerReports(program: Command): void {
  const reports = program.command('reports').description('query recorded reports');
  withDataDirOptions(reports.command('list').description('list reports, newest first'))
    .option('--tenant <id>', 'reports attributed to this tenant')
    .option('--from <time>', 'received at or after (ISO 8601)')
    .option('--to <time>', 'received at or before (ISO 8601)')
    .option('--source-ip <ip>', 'source IP of the reported message')
    .option('--sender-domain <domain>', 'sending domain')
    .option('--sender-address <address>', 'sending address (finds compromised accounts)')
    .option('--reporter <domain>', 'reporter domain (feed or mail provider)')
    .option(
      '--message-id <id>',
      'Message-ID of the reported message, <…> optional, any case (byMessageId index)',
    )
    .option('--feedback-type <type>', 'abuse, fraud, virus, other, not-spam, auth-failure, opt-out')
    .option('--kind <kind>', 'submission kind: arf, forward or xarf')
    .option('--status <status>', 'attributed or unattributed')
    .option('--limit <n>', `most rows (default ${DEFAULT_LIMIT})`)
    .option('--json', 'JSON output')
    .option('--csv', 'CSV output')
    .action(async (options: ReportListOptions) => {
      const query = reportFiltersOf(options);
      const limit = options.limit === undefined ? DEFAULT_LIMIT : Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1) throw new Error('--limit must be a whole number ≥ 1');
      const found = await withLocalServices(options, (services) =>
        listReports(services, query, limit, new Date().toISOString()),
      );
      process.stdout.write(formatReports(found, options));
    });
  withDataDirOptions(reports.command('show').description('one report with its attribution and raw mail'))
    .argument('<reportId>', 'report id (from `reports list`)')
    .option('--json', 'JSON output')
    .action(async (reportId: string, options: DataDirOptions & { json?: boolean }) => {
      const text = await withLocalServices(options, (services) =>
        showReport(services, reportId, options.json === true),
      );
      if (text === undefined) {
        process.stderr.write(`no report ${inertText(reportId)}\n`);
        process.exitCode = 1;
        return;
      }
      process.stdout.write(text);
    });
}
