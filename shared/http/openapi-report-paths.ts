import { anyObject, id, type Operation, ok, op, page, q, ref, reportFilters } from './openapi-operations.ts';

/** The report, submission and export paths of the OpenAPI document. */
export const REPORT_PATHS: Readonly<Record<string, Readonly<Record<string, Operation>>>> = {
  '/v1/reports': {
    get: op(
      'listReports',
      'Reports, newest first, with filters and a cursor.',
      'reports',
      {
        '200': ok(ref('ReportList')),
      },
      { parameters: [...reportFilters, ...page] },
    ),
  },
  '/v1/reports/{id}': {
    get: op(
      'getReport',
      'One report: parsed fields, attribution signals.',
      'reports',
      { '200': ok(anyObject) },
      {
        parameters: [id()],
      },
    ),
  },
  '/v1/reports/{id}/raw': {
    get: op(
      'getReportRaw',
      'Raw mail of the report’s submission (attachment).',
      'reports',
      {
        '200': {
          description: 'text/plain attachment: the mail byte for byte as received (no charset claimed)',
          content: { 'text/plain': { schema: { type: 'string' } } },
        },
      },
      { parameters: [id()] },
    ),
  },
  '/v1/submissions': {
    get: op(
      'listSubmissions',
      'Submissions; status=unusable shows reasons.',
      'reports',
      {
        '200': ok(ref('SubmissionList')),
      },
      { parameters: [q('status', 'processed | unusable'), ...page] },
    ),
  },
  '/v1/submissions/{id}': {
    get: op(
      'getSubmission',
      'One submission.',
      'reports',
      { '200': ok(ref('Submission')) },
      {
        parameters: [id()],
      },
    ),
  },
  '/v1/submissions/{id}/raw': {
    get: op(
      'getSubmissionRaw',
      'Raw mail (attachment).',
      'reports',
      {
        '200': {
          description: 'text/plain attachment: the mail byte for byte as received (no charset claimed)',
          content: { 'text/plain': { schema: { type: 'string' } } },
        },
      },
      { parameters: [id()] },
    ),
  },
  '/v1/exports/reports.csv': {
    get: op(
      'exportReportsCsv',
      'Reports as CSV (streamed).',
      'exports',
      {
        '200': { description: 'CSV', content: { 'text/csv': { schema: { type: 'string' } } } },
      },
      { parameters: reportFilters },
    ),
  },
  '/v1/exports/reports.json': {
    get: op(
      'exportReportsJson',
      'Reports as a JSON array (streamed).',
      'exports',
      {
        '200': ok({ type: 'array', items: ref('ReportSummary') }),
      },
      { parameters: reportFilters },
    ),
  },
};
