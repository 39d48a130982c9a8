import type { AnalystDeps, ApiDeps } from '../api-deps.ts';
import { badRequest, jsonResponse, notFound } from '../api-responses.ts';
import { parseLimit } from '../query-params.ts';
import { rawMailResponse } from '../raw-mail-response.ts';
import { parseReportFilters } from '../report-filters.ts';
import { InvalidCursorError, searchReports } from '../report-search.ts';
import { summarizeReport, summarizeSubmission } from '../report-views.ts';
import type { Route } from '../router.ts';
import { withAnalyst } from './analyst-guard.ts';

const SUBMISSION_STATUSES = ['processed', 'unusable'] as const;

/** Raw mail by submission id; an id the store refuses as a file name (RangeError) is simply not there. */
async function readRaw(analyst: AnalystDeps, submissionId: string): Promise<Uint8Array | undefined> {
  try {
    return await analyst.rawMail.get(submissionId);
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

/** Reports and submissions: lists with filters and cursors, one item, raw mail. */
export function reportRoutes(deps: ApiDeps): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/v1/reports',
      access: 'read',
      handle: withAnalyst(deps, async ({ request }, analyst) => {
        const filters = parseReportFilters(request.query);
        if (!filters.ok) return badRequest(filters.reason);
        const limit = parseLimit(request.query['limit']);
        if (!limit.ok) return badRequest(limit.reason);
        try {
          const page = await searchReports(
            analyst.records,
            filters.value,
            { limit: limit.value, cursor: request.query['cursor'] },
            deps.now(),
          );
          return jsonResponse(200, { items: page.items.map(summarizeReport), cursor: page.cursor ?? null });
        } catch (error) {
          if (error instanceof InvalidCursorError) return badRequest('cursor is not one this API returned.');
          throw error;
        }
      }),
    },
    {
      method: 'GET',
      pattern: '/v1/reports/{id}',
      access: 'read',
      handle: withAnalyst(deps, async ({ params }, analyst) => {
        const report = await analyst.records.getReport(params['id'] ?? '');
        if (!report) return notFound('Report');
        const submission = await analyst.records.getSubmission(report.submissionId);
        return jsonResponse(200, {
          report,
          submission: submission ? summarizeSubmission(submission) : null,
          rawUrl: `/v1/submissions/${encodeURIComponent(report.submissionId)}/raw`,
        });
      }),
    },
    {
      method: 'GET',
      pattern: '/v1/reports/{id}/raw',
      access: 'read',
      handle: withAnalyst(deps, async ({ params }, analyst) => {
        const report = await analyst.records.getReport(params['id'] ?? '');
        if (!report) return notFound('Report');
        const raw = await readRaw(analyst, report.submissionId);
        return raw ? rawMailResponse(report.submissionId, raw) : notFound('Raw mail (expired or not stored)');
      }),
    },
    {
      method: 'GET',
      pattern: '/v1/submissions',
      access: 'read',
      handle: withAnalyst(deps, async ({ request }, analyst) => {
        const limit = parseLimit(request.query['limit']);
        if (!limit.ok) return badRequest(limit.reason);
        const status = request.query['status'] || undefined;
        if (status !== undefined && !(SUBMISSION_STATUSES as readonly string[]).includes(status)) {
          return badRequest('status must be processed or unusable.');
        }
        const page = await analyst.records.listSubmissions({
          status: status as (typeof SUBMISSION_STATUSES)[number] | undefined,
          limit: limit.value,
          cursor: request.query['cursor'] || undefined,
        });
        return jsonResponse(200, { items: page.items.map(summarizeSubmission), cursor: page.cursor ?? null });
      }),
    },
    {
      method: 'GET',
      pattern: '/v1/submissions/{id}',
      access: 'read',
      handle: withAnalyst(deps, async ({ params }, analyst) => {
        const submission = await analyst.records.getSubmission(params['id'] ?? '');
        return submission ? jsonResponse(200, summarizeSubmission(submission)) : notFound('Submission');
      }),
    },
    {
      method: 'GET',
      pattern: '/v1/submissions/{id}/raw',
      access: 'read',
      handle: withAnalyst(deps, async ({ params }, analyst) => {
        const submissionId = params['id'] ?? '';
        const raw = await readRaw(analyst, submissionId);
        return raw ? rawMailResponse(submissionId, raw) : notFound('Raw mail (expired or not stored)');
      }),
    },
  ];
}
