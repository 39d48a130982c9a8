import { normalizeFromDomain, sendingStatus } from '../../core/restrictions/check-sending.ts';
import type { ApiDeps } from '../api-deps.ts';
import { badRequest, jsonResponse } from '../api-responses.ts';
import type { Route } from '../router.ts';

/** A tenant id or domain longer than this is not one (RFC 1035 §2.3.4 caps names at 253). */
const MAX_ID_LENGTH = 253;

/** `GET /health` (public) and the enforcement route the outbound MTA calls. */
export function healthRoutes(deps: ApiDeps): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/health',
      access: 'public',
      handle: async () => {
        const health = await deps.health();
        return jsonResponse(health.status === 'ok' ? 200 : 503, health);
      },
    },
    {
      method: 'GET',
      pattern: '/v1/tenants/{id}/sending-status',
      access: 'enforcement',
      handle: async ({ request, params }) => {
        const tenantId = params['id'] ?? '';
        const fromDomain = request.query['fromDomain'];
        if (
          tenantId.length > MAX_ID_LENGTH ||
          (normalizeFromDomain(fromDomain)?.length ?? 0) > MAX_ID_LENGTH
        ) {
          return badRequest('tenant id and fromDomain must be at most 253 characters.');
        }
        const now = deps.now();
        // The same code path as the CLI `check`, so both answer alike (a 5.7.750 block refuses a missing fromDomain).
        const status = await sendingStatus(tenantId, fromDomain, (id, domain) =>
          deps.checkSending(id, domain, now),
        );
        return jsonResponse(200, status);
      },
    },
  ];
}
