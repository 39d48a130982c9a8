import type { PolicyOverrides } from '../../core/model/index.ts';
import { TenantValidationError } from '../../core/tenants/tenant-validation-error.ts';
import { validatePolicyOverrides } from '../../core/tenants/validate-policy-overrides.ts';
import type { ApiDeps } from '../api-deps.ts';
import { badRequest, errorResponse, jsonResponse, notFound } from '../api-responses.ts';
import { parseLiftBody } from '../lift-request.ts';
import { isRecord, parseJsonBody } from '../query-params.ts';
import type { Route } from '../router.ts';
import { withAnalyst } from './analyst-guard.ts';

/** Audit entries for platform-wide actions (replays) use this tenant id. */
export const PLATFORM_AUDIT_TENANT = '_platform';

/** Error names from the scorer that mean "not possible in this state" rather than a failure. */
function isStateConflict(error: unknown): error is Error {
  return error instanceof Error && /State|Conflict|NotRestricted|Lift/i.test(error.name);
}

/** Restrictions, lifting, policy and dead-letter replay: the writes, all needing `manage` and all audited. */
export function restrictionRoutes(deps: ApiDeps): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/v1/restrictions',
      access: 'read',
      handle: withAnalyst(deps, async (_call, analyst) =>
        jsonResponse(200, { items: await analyst.scoring.listRestrictedTenants(deps.now()) }),
      ),
    },
    {
      method: 'POST',
      pattern: '/v1/tenants/{id}/lift',
      access: 'manage',
      handle: withAnalyst(deps, async ({ request, params, identity }, analyst) => {
        const json = parseJsonBody(request.body);
        if (!json.ok) return badRequest(json.reason);
        const lift = parseLiftBody(json.value);
        if (!lift.ok) return badRequest(lift.reason);
        const tenantId = params['id'] ?? '';
        if (!(await analyst.tenants.getTenant(tenantId))) return notFound('Tenant');
        const now = deps.now();
        try {
          await analyst.scoring.liftRestriction(
            { tenantId, actor: identity?.actor ?? 'unknown', ...lift.value },
            now,
          );
        } catch (error) {
          if (isStateConflict(error)) return errorResponse(409, 'conflict', error.message);
          throw error;
        }
        return jsonResponse(200, { tenantId, standing: await analyst.scoring.explainTenant(tenantId, now) });
      }),
    },
    {
      method: 'GET',
      pattern: '/v1/policy',
      access: 'read',
      handle: withAnalyst(deps, async (_call, analyst) =>
        jsonResponse(200, { policy: await analyst.scoring.policy() }),
      ),
    },
    {
      method: 'GET',
      pattern: '/v1/tenants/{id}/policy',
      access: 'read',
      handle: withAnalyst(deps, async ({ params }, analyst) => {
        const tenant = await analyst.tenants.getTenant(params['id'] ?? '');
        if (!tenant) return notFound('Tenant');
        return jsonResponse(200, { tenantId: tenant.tenantId, overrides: tenant.policy ?? {} });
      }),
    },
    {
      method: 'PUT',
      pattern: '/v1/tenants/{id}/policy',
      access: 'manage',
      handle: withAnalyst(deps, async ({ request, params, identity }, analyst) => {
        const setPolicy = analyst.scoring.setTenantPolicy;
        if (!setPolicy) return errorResponse(501, 'unavailable', 'Policy changes are not enabled here.');
        const json = parseJsonBody(request.body);
        if (!json.ok) return badRequest(json.reason);
        const body = json.value;
        if (!isRecord(body)) return badRequest('The body must be { overrides: { … }, reason }.');
        let overrides: PolicyOverrides | undefined;
        try {
          overrides = validatePolicyOverrides(body['overrides']);
        } catch (error) {
          if (error instanceof TenantValidationError) return badRequest(error.message);
          throw error;
        }
        if (!overrides) return badRequest('overrides is required (an object; {} clears them).');
        const reason = typeof body['reason'] === 'string' ? body['reason'].trim() : '';
        if (!reason) return badRequest('reason is required for a policy change.');
        const tenantId = params['id'] ?? '';
        const tenant = await analyst.tenants.getTenant(tenantId);
        if (!tenant) return notFound('Tenant');
        const now = deps.now();
        await setPolicy(tenantId, overrides, now);
        await analyst.scoring.recordAudit({
          tenantId,
          at: now,
          actor: identity?.actor ?? 'unknown',
          action: 'policy-changed',
          reason,
          details: { before: tenant.policy ?? {}, after: overrides },
        });
        return jsonResponse(200, { tenantId, overrides: overrides });
      }),
    },
    {
      method: 'POST',
      pattern: '/v1/dead-letters/replay',
      access: 'manage',
      handle: withAnalyst(deps, async ({ identity }, analyst) => {
        if (!analyst.replayDeadLetters)
          return errorResponse(501, 'unavailable', 'Replay is not available here.');
        const actor = identity?.actor ?? 'unknown';
        const result = await analyst.replayDeadLetters(actor);
        await analyst.scoring.recordAudit({
          tenantId: PLATFORM_AUDIT_TENANT,
          at: deps.now(),
          actor,
          action: 'dead-letters-replayed',
          details: { replayed: result.replayed },
        });
        return jsonResponse(200, result);
      }),
    },
  ];
}
