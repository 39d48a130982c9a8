import type { ReportRecord } from '../../core/model/index.ts';
import type { ApiDeps } from '../api-deps.ts';
import { badRequest } from '../api-responses.ts';
import { csvRow } from '../csv.ts';
import { parseReportFilters } from '../report-filters.ts';
import { iterateReports } from '../report-search.ts';
import { REPORT_EXPORT_COLUMNS, summarizeReport } from '../report-views.ts';
import type { Route } from '../router.ts';
import { SECURITY_HEADERS } from '../security-headers.ts';
import { withAnalyst } from './analyst-guard.ts';

/** Rows per export; larger extracts belong in a DynamoDB export to S3, not an HTTP response. */
export const MAX_EXPORT_ROWS = 100_000;

async function* csvExport(reports: AsyncIterable<ReportRecord>): AsyncGenerator<string> {
  yield csvRow(REPORT_EXPORT_COLUMNS);
  for await (const report of reports) {
    const summary = summarizeReport(report);
    yield csvRow(REPORT_EXPORT_COLUMNS.map((column) => summary[column]));
  }
}

async function* jsonExport(reports: AsyncIterable<ReportRecord>): AsyncGenerator<string> {
  yield '[';
  let first = true;
  for await (const report of reports) {
    yield `${first ? '' : ','}\n${JSON.stringify(summarizeReport(report))}`;
    first = false;
  }
  yield '\n]\n';
}

const FORMATS = {
  csv: { type: 'text/csv; charset=utf-8; header=present', write: csvExport },
  json: { type: 'application/json; charset=utf-8', write: jsonExport },
} as const;

/** `GET /v1/exports/reports.csv|json`: the report list with the same filters, streamed row by row. */
export function exportRoutes(deps: ApiDeps): Route[] {
  return (['csv', 'json'] as const).map((format) => ({
    method: 'GET',
    pattern: `/v1/exports/reports.${format}`,
    access: 'read' as const,
    handle: withAnalyst(deps, async ({ request }, analyst) => {
      const filters = parseReportFilters(request.query);
      if (!filters.ok) return badRequest(filters.reason);
      const now = deps.now();
      const reports = iterateReports(analyst.records, filters.value, now, MAX_EXPORT_ROWS);
      return {
        status: 200,
        headers: {
          ...SECURITY_HEADERS,
          'content-type': FORMATS[format].type,
          'content-disposition': `attachment; filename="reports-${now.slice(0, 10)}.${format}"`,
          'cache-control': 'no-store',
        },
        stream: FORMATS[format].write(reports),
      };
    }),
  }));
}
