import type { ApiDeps, TenantExplanationView, TenantStanding } from '../api-deps.ts';
import { badRequest, jsonResponse, notFound } from '../api-responses.ts';
import { parseLimit } from '../query-params.ts';
import { iterateReports } from '../report-search.ts';
import type { Route } from '../router.ts';
import { fittedHistoryPoints, historyPoints } from '../score-history-window.ts';
import { breakDownReports } from '../tenant-breakdown.ts';
import { withAnalyst } from './analyst-guard.ts';

/** Tenants ranked per list request; a platform with more tenants pages through states instead. */
const MAX_RANKED_TENANTS = 1000;
/** Reports read for one tenant's breakdown. */
const MAX_BREAKDOWN_REPORTS = 5000;
const TENANT_SORTS = ['score', 'name', 'ratio'] as const;
const DAY_MS = 86_400_000;

function ratio(standing: TenantStanding): number {
  return standing.restrictThreshold > 0 ? standing.score / standing.restrictThreshold : 0;
}

/** Where a fitted score curve starts: the oldest report read, or the last lift if earlier. */
function firstActivity(explanation: TenantExplanationView): string | undefined {
  const times = [explanation.firstReportAt, explanation.contributionsSince].filter(
    (at): at is string => at !== undefined,
  );
  return times.sort()[0];
}

/** Tenant list, one tenant, its score history, breakdowns and audit trail. */
export function tenantRoutes(deps: ApiDeps): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/v1/tenants',
      access: 'read',
      handle: withAnalyst(deps, async ({ request }, analyst) => {
        const limit = parseLimit(request.query['limit'], 100);
        if (!limit.ok) return badRequest(limit.reason);
        const sort = request.query['sort'] ?? 'score';
        if (!(TENANT_SORTS as readonly string[]).includes(sort))
          return badRequest('sort must be score, name or ratio.');
        const state = request.query['state'];
        const now = deps.now();
        const [tenants, standings] = await Promise.all([
          analyst.tenants.listTenants(),
          analyst.scoring.topTenants(MAX_RANKED_TENANTS, now),
        ]);
        const byId = new Map(standings.map((s) => [s.tenantId, s]));
        const rows = tenants.map((tenant) => {
          const standing = byId.get(tenant.tenantId);
          return {
            tenantId: tenant.tenantId,
            name: tenant.name,
            score: standing?.score ?? 0,
            state: standing?.state ?? 'active',
            warnThreshold: standing?.warnThreshold ?? null,
            restrictThreshold: standing?.restrictThreshold ?? null,
            ratio: standing ? ratio(standing) : 0,
            restrictions: standing?.restrictions ?? [],
          };
        });
        const filtered = state ? rows.filter((row) => row.state === state) : rows;
        filtered.sort((a, b) =>
          sort === 'name'
            ? a.name.localeCompare(b.name)
            : sort === 'ratio'
              ? b.ratio - a.ratio || b.score - a.score
              : b.score - a.score || a.tenantId.localeCompare(b.tenantId),
        );
        return jsonResponse(200, { items: filtered.slice(0, limit.value), total: filtered.length });
      }),
    },
    {
      method: 'GET',
      pattern: '/v1/tenants/{id}',
      access: 'read',
      handle: withAnalyst(deps, async ({ request, params }, analyst) => {
        const tenantId = params['id'] ?? '';
        // days=fit (the dashboard's default) fits the curve to the data: from the first report or last lift.
        const fit = request.query['days'] === 'fit';
        const points = fit
          ? { ok: true as const, value: [] }
          : historyPoints(request.query['days'], deps.now());
        if (!points.ok) return badRequest(points.reason);
        const tenant = await analyst.tenants.getTenant(tenantId);
        if (!tenant) return notFound('Tenant');
        const now = deps.now();
        const [explanation, suppression, audit] = await Promise.all([
          analyst.scoring.explainTenant(tenantId, now),
          analyst.scoring.suppressionList(tenantId),
          analyst.scoring.auditTrail(tenantId, { limit: 50 }),
        ]);
        const history = await analyst.scoring.scoreHistory(
          tenantId,
          fit ? fittedHistoryPoints(firstActivity(explanation), now) : points.value,
          now,
        );
        return jsonResponse(200, {
          tenant,
          standing: explanation,
          history,
          suppressionList: suppression,
          audit: audit.items,
        });
      }),
    },
    {
      method: 'GET',
      pattern: '/v1/tenants/{id}/history',
      access: 'read',
      handle: withAnalyst(deps, async ({ request, params }, analyst) => {
        const now = deps.now();
        const points = historyPoints(request.query['days'], now);
        if (!points.ok) return badRequest(points.reason);
        const items = await analyst.scoring.scoreHistory(params['id'] ?? '', points.value, now);
        return jsonResponse(200, { items });
      }),
    },
    {
      method: 'GET',
      pattern: '/v1/tenants/{id}/breakdown',
      access: 'read',
      handle: withAnalyst(deps, async ({ request, params }, analyst) => {
        const days = parseLimit(request.query['days'], 30);
        if (!days.ok || days.value > 400) return badRequest('days must be an integer from 1 to 400.');
        const tenantId = params['id'] ?? '';
        const now = deps.now();
        const tenant = await analyst.tenants.getTenant(tenantId);
        const since = request.query['since'];
        if (since !== undefined && Number.isNaN(Date.parse(since)))
          return badRequest('since must be an ISO 8601 time.');
        const windowStart = new Date(Date.parse(now) - days.value * DAY_MS).toISOString();
        // since (the last lift, on the tenant page) narrows the window to what counts now.
        const from =
          since !== undefined && new Date(since).toISOString() > windowStart
            ? new Date(since).toISOString()
            : windowStart;
        const reports = [];
        for await (const report of iterateReports(
          analyst.records,
          { tenant: tenantId, from },
          now,
          MAX_BREAKDOWN_REPORTS,
        )) {
          reports.push(report);
        }
        return jsonResponse(200, { tenantId, from, ...breakDownReports(reports, tenant) });
      }),
    },
    {
      method: 'GET',
      pattern: '/v1/tenants/{id}/audit',
      access: 'read',
      handle: withAnalyst(deps, async ({ request, params }, analyst) => {
        const limit = parseLimit(request.query['limit']);
        if (!limit.ok) return badRequest(limit.reason);
        const page = await analyst.scoring.auditTrail(params['id'] ?? '', {
          limit: limit.value,
          cursor: request.query['cursor'],
        });
        return jsonResponse(200, page);
      }),
    },
    {
      method: 'GET',
      pattern: '/v1/tenants/{id}/suppression-list',
      access: 'read',
      handle: withAnalyst(deps, async ({ params }, analyst) =>
        jsonResponse(200, { items: await analyst.scoring.suppressionList(params['id'] ?? '') }),
      ),
    },
  ];
}
