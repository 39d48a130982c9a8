import { describe, expect, it } from 'vitest';
import type { ApiDeps } from '../../shared/http/api-deps.ts';
import { OPENAPI_DOCUMENT } from '../../shared/http/openapi.ts';
import { analystRoutes } from '../../shared/http/routes/analyst-routes.ts';
import { healthRoutes } from '../../shared/http/routes/health-routes.ts';

const deps = {
  now: () => '2026-01-01T00:00:00.000Z',
  authenticate: async () => undefined,
  health: async () => ({ status: 'ok' }),
  checkSending: async () => ({ allowed: true, state: 'active' }),
} satisfies ApiDeps;

describe('OPENAPI_DOCUMENT', () => {
  it('documents every route the API serves, with its method', () => {
    const routes = [...healthRoutes(deps), ...analystRoutes(deps)];
    for (const route of routes) {
      const path = OPENAPI_DOCUMENT.paths[route.pattern];
      expect(path, route.pattern).toBeDefined();
      expect(path?.[route.method.toLowerCase()], `${route.method} ${route.pattern}`).toBeDefined();
    }
    const documented = Object.entries(OPENAPI_DOCUMENT.paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
    );
    expect(documented.sort()).toEqual(routes.map((r) => `${r.method} ${r.pattern}`).sort());
  });

  it('documents the messageId report filter on the report list and both exports', () => {
    for (const path of ['/v1/reports', '/v1/exports/reports.csv', '/v1/exports/reports.json']) {
      const operation = Object.values(OPENAPI_DOCUMENT.paths[path] ?? {})[0];
      const parameter = operation?.parameters?.find((p) => p.name === 'messageId');
      expect(parameter, path).toMatchObject({
        in: 'query',
        description: expect.stringMatching(/angle brackets/),
      });
    }
  });

  it('resolves every schema reference', () => {
    const refs = [...JSON.stringify(OPENAPI_DOCUMENT).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)];
    expect(refs.length).toBeGreaterThan(0);
    for (const [, name] of refs) expect(OPENAPI_DOCUMENT.components.schemas[name!], name).toBeDefined();
  });

  it('is an OpenAPI 3.1 document whose operation ids are unique', () => {
    expect(OPENAPI_DOCUMENT.openapi).toBe('3.1.0');
    const ids = Object.values(OPENAPI_DOCUMENT.paths).flatMap((ops) =>
      Object.values(ops).map((o) => o.operationId),
    );
    expect(new Set(ids).size).toBe(ids.length);
  });
});
