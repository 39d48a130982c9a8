import type { ApiDeps } from '../api-deps.ts';
import { badRequest, jsonResponse } from '../api-responses.ts';
import { type IntakeStats, intakeStats, STATS_WINDOWS, type StatsWindow } from '../intake-stats.ts';
import { searchReports } from '../report-search.ts';
import { summarizeReport } from '../report-views.ts';
import type { Route } from '../router.ts';
import { classifySearch, ipHasPrefix, MAX_SEARCH_LENGTH } from '../search-query.ts';
import { withAnalyst } from './analyst-guard.ts';

/** Reports shown per search; the reports page pages further with the same filters. */
const SEARCH_PAGE = 50;

/** A whole address under an IPv4 prefix, for the hint: `203.0.113` → `203.0.113.1`. */
function exampleIp(prefix: string): string {
  const octets = prefix.replace(/\.$/, '').split('.');
  return [...octets, ...Array(4 - octets.length).fill('1')].join('.');
}

/** Search, intake statistics, detailed health and who-am-I. */
export function searchRoutes(deps: ApiDeps): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/v1/me',
      access: 'read',
      handle: async ({ identity }) => jsonResponse(200, identity),
    },
    {
      method: 'GET',
      pattern: '/v1/search',
      access: 'read',
      handle: withAnalyst(deps, async ({ request }, analyst) => {
        const q = request.query['q']?.trim() ?? '';
        if (!q || q.length > MAX_SEARCH_LENGTH)
          return badRequest(`q must be 1 to ${MAX_SEARCH_LENGTH} characters.`);
        const { kind, filters } = classifySearch(q);
        const now = deps.now();
        if (kind === 'ip-prefix') {
          // Reports are indexed by whole source IP: name the tenants whose dedicated IPs match and say why no
          // report search ran, rather than searching a sender domain called "203.0.113".
          const tenants = (await analyst.tenants.listTenants()).filter((tenant) =>
            tenant.dedicatedIps.some((ip) => ipHasPrefix(ip, q)),
          );
          return jsonResponse(200, {
            kind,
            filters,
            note: `${q} is not a full IP address: reports are searched by a whole source IP (${exampleIp(q)}, say). Tenants listed have a dedicated IP starting ${q}.`,
            tenants: tenants.map((tenant) => ({ tenantId: tenant.tenantId, name: tenant.name })),
            reports: [],
            submissionId: null,
            cursor: null,
          });
        }
        if (kind === 'id') {
          const [tenant, report, submission] = await Promise.all([
            analyst.tenants.getTenant(q),
            analyst.records.getReport(q),
            analyst.records.getSubmission(q),
          ]);
          return jsonResponse(200, {
            kind,
            filters,
            tenants: tenant ? [{ tenantId: tenant.tenantId, name: tenant.name }] : [],
            reports: report ? [summarizeReport(report)] : [],
            submissionId: submission?.submissionId ?? null,
            cursor: null,
          });
        }
        let effective = filters;
        let searchedAs = kind;
        let page = await searchReports(analyst.records, filters, { limit: SEARCH_PAGE }, now);
        // An address-shaped query may be a Message-ID typed without its angle brackets.
        if (kind === 'address' && page.items.length === 0) {
          effective = { messageId: q };
          page = await searchReports(analyst.records, effective, { limit: SEARCH_PAGE }, now);
          if (page.items.length > 0) searchedAs = 'message-id';
        }
        const owners =
          kind === 'domain'
            ? [(await analyst.tenants.findTenantByDomain(q.toLowerCase()))?.tenant]
            : kind === 'ip' && filters.sourceIp && analyst.tenants.findTenantsByIp
              ? await analyst.tenants.findTenantsByIp(filters.sourceIp)
              : [];
        return jsonResponse(200, {
          kind: searchedAs,
          filters: effective,
          tenants: owners.flatMap((tenant) =>
            tenant ? [{ tenantId: tenant.tenantId, name: tenant.name }] : [],
          ),
          reports: page.items.map(summarizeReport),
          submissionId: null,
          cursor: page.cursor ?? null,
        });
      }),
    },
    {
      method: 'GET',
      pattern: '/v1/stats',
      access: 'read',
      handle: withAnalyst(deps, async ({ request }, analyst) => {
        const window = request.query['window'] ?? '24h';
        if (!(window in STATS_WINDOWS)) return badRequest('window must be fit, 24h, 7d or 30d.');
        return jsonResponse(200, await intakeStats(analyst.records, window as StatsWindow, deps.now()));
      }),
    },
    {
      method: 'GET',
      pattern: '/v1/health',
      access: 'read',
      handle: async () => {
        const runtime = await deps.health();
        const stats: IntakeStats | null = deps.analyst
          ? await intakeStats(deps.analyst.records, '24h', deps.now())
          : null;
        return jsonResponse(200, {
          ...runtime,
          intakeLast24h: stats && {
            submissions: stats.totals.submissions,
            reports: stats.totals.reports,
            perHour: stats.buckets.map((b) => ({
              start: b.start,
              submissions: b.submissions,
              reports: b.reports,
            })),
            unusableRate: stats.unusableRate,
            unattributedRate: stats.unattributedRate,
          },
        });
      },
    },
  ];
}
