import { anyObject, id, json, type Operation, ok, op, page, q, ref } from './openapi-operations.ts';
import { REPORT_PATHS } from './openapi-report-paths.ts';
import { type JsonSchema, OPENAPI_SCHEMAS } from './openapi-schemas.ts';

/**
 * How the MTA's question is answered (check-sending.ts; the CLI's `check` runs the same code): a 5.7.705 restriction
 * refuses all mail; a 5.7.750 block refuses mail from domains the tenant has not registered, and mail with no
 * fromDomain (it cannot be shown to be registered); a tenant we hold no standing for is allowed.
 */
const SENDING_STATUS_RULES =
  'Refused (allowed: false, with the exact SMTP reply) when the tenant is restricted (550 5.7.705, all mail), or ' +
  'when it has a 5.7.750 block and fromDomain is not one of its registered accepted domains. **A 5.7.750 block ' +
  'refuses a request without fromDomain**: the domain cannot be shown to be registered. A tenant without a stored ' +
  'standing is allowed (state active). The CLI `abuse-intake check TENANT [--from-domain D]` gives the same answer.';

/** The OpenAPI 3.1 document shape this file fills in. */
export interface OpenApiDocument {
  readonly openapi: '3.1.0';
  readonly info: { readonly title: string; readonly version: string; readonly description: string };
  readonly paths: Readonly<Record<string, Readonly<Record<string, Operation>>>>;
  readonly components: {
    readonly schemas: Readonly<Record<string, JsonSchema>>;
    readonly securitySchemes: Readonly<Record<string, unknown>>;
  };
  readonly security: readonly Record<string, readonly string[]>[];
}

/** The API description served at `/v1/openapi.json`; tests check every route is in it. */
export const OPENAPI_DOCUMENT: OpenApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'abuse-intake analyst API',
    version: '1',
    description:
      'Tenants, scores, reports and restrictions. Bearer tokens have the read or manage role; lifting, policy ' +
      'changes and replays need manage and are audited with the actor. Report fields are attacker-controlled.',
  },
  security: [{ bearer: [] }],
  components: {
    schemas: OPENAPI_SCHEMAS,
    securitySchemes: {
      bearer: { type: 'http', scheme: 'bearer', description: 'API token (read or manage).' },
    },
  },
  paths: {
    '/health': {
      get: op(
        'health',
        'Runtime health (no token).',
        'operations',
        { '200': ok(ref('Health')) },
        { security: [] },
      ),
    },
    '/v1/health': {
      get: op('healthDetail', 'Health plus intake per hour and unusable/unattributed rates.', 'operations', {
        '200': ok(anyObject),
      }),
    },
    '/v1/stats': {
      get: op(
        'stats',
        'Intake volume and rates over a window.',
        'operations',
        { '200': ok(ref('IntakeStats')) },
        {
          parameters: [
            q('window', 'fit (to the data: the dashboard default), 24h (default), 7d or 30d', {
              type: 'string',
              enum: ['fit', '24h', '7d', '30d'],
            }),
          ],
        },
      ),
    },
    '/v1/me': { get: op('me', 'The caller and its role.', 'operations', { '200': ok(anyObject) }) },
    '/v1/search': {
      get: op(
        'search',
        'Search by Message-ID, IP, domain, address or id.',
        'reports',
        { '200': ok(anyObject) },
        {
          parameters: [{ ...q('q'), required: true }],
        },
      ),
    },
    '/v1/tenants': {
      get: op(
        'listTenants',
        'Tenants by score, name or threshold ratio; filter by state.',
        'tenants',
        {
          '200': ok(anyObject),
        },
        {
          parameters: [
            q('sort', 'score | name | ratio'),
            q('state'),
            q('limit', undefined, { type: 'integer' }),
          ],
        },
      ),
    },
    '/v1/tenants/{id}': {
      get: op(
        'getTenant',
        'Tenant, standing and explanation, score history, suppression list.',
        'tenants',
        {
          '200': ok(anyObject),
        },
        {
          parameters: [
            id(),
            q(
              'days',
              'History length, 1–90 (default 7), or `fit`: from the first report or last lift to now',
              {
                type: 'string',
                pattern: '^(fit|[0-9]+)$',
              },
            ),
          ],
        },
      ),
    },
    '/v1/tenants/{id}/history': {
      get: op(
        'tenantHistory',
        'Score over time.',
        'tenants',
        { '200': ok(anyObject) },
        {
          parameters: [id(), q('days', undefined, { type: 'integer' })],
        },
      ),
    },
    '/v1/tenants/{id}/breakdown': {
      get: op(
        'tenantBreakdown',
        'Reports by sender, IP, domain, reporter, feedback type.',
        'tenants',
        {
          '200': ok(anyObject),
        },
        {
          parameters: [
            id(),
            q('days', undefined, { type: 'integer' }),
            q('since', 'Only reports received after this time (the last lift: what counts now)', {
              type: 'string',
              format: 'date-time',
            }),
          ],
        },
      ),
    },
    '/v1/tenants/{id}/audit': {
      get: op(
        'tenantAudit',
        'Audit trail, newest first.',
        'restrictions',
        { '200': ok(ref('AuditPage')) },
        {
          parameters: [id(), ...page],
        },
      ),
    },
    '/v1/tenants/{id}/suppression-list': {
      get: op(
        'suppressionList',
        'Complaining recipients.',
        'tenants',
        { '200': ok(anyObject) },
        {
          parameters: [id()],
        },
      ),
    },
    '/v1/tenants/{id}/sending-status': {
      get: op(
        'sendingStatus',
        'Enforcement answer for the MTA (token configurable).',
        'enforcement',
        {
          '200': ok(ref('SendingDecision')),
        },
        {
          description: SENDING_STATUS_RULES,
          parameters: [
            id(),
            {
              name: 'fromDomain',
              in: 'query',
              description:
                'The From domain of the mail to send (case, surrounding blanks and a trailing dot are ignored). Omit it only if unknown: a 5.7.750 block then refuses.',
              schema: { type: 'string' },
            },
          ],
          security: [{}, { bearer: [] }],
        },
      ),
    },
    '/v1/tenants/{id}/lift': {
      post: op(
        'liftRestriction',
        'Lift a restriction (manage).',
        'restrictions',
        { '200': ok(anyObject) },
        {
          parameters: [id()],
          requestBody: { required: true, content: json(ref('LiftRequest')) },
        },
      ),
    },
    '/v1/tenants/{id}/policy': {
      get: op(
        'getTenantPolicy',
        'Policy overrides.',
        'restrictions',
        { '200': ok(anyObject) },
        {
          parameters: [id()],
        },
      ),
      put: op(
        'setTenantPolicy',
        'Change policy overrides (manage).',
        'restrictions',
        { '200': ok(anyObject) },
        {
          parameters: [id()],
          requestBody: { required: true, content: json(ref('PolicyChange')) },
        },
      ),
    },
    '/v1/restrictions': {
      get: op('listRestrictions', 'Restricted tenants.', 'restrictions', { '200': ok(anyObject) }),
    },
    '/v1/policy': { get: op('getPolicy', 'The scoring policy.', 'restrictions', { '200': ok(anyObject) }) },
    '/v1/dead-letters/replay': {
      post: op('replayDeadLetters', 'Replay dead letters (manage).', 'operations', { '200': ok(anyObject) }),
    },
    ...REPORT_PATHS,
    '/v1/openapi.json': {
      get: op('openapi', 'This document.', 'operations', { '200': ok(anyObject) }),
    },
  },
};
