import type { ApiDeps } from '../api-deps.ts';
import { jsonResponse } from '../api-responses.ts';
import { OPENAPI_DOCUMENT } from '../openapi.ts';
import type { Route } from '../router.ts';
import { exportRoutes } from './export-routes.ts';
import { reportRoutes } from './report-routes.ts';
import { restrictionRoutes } from './restriction-routes.ts';
import { searchRoutes } from './search-routes.ts';
import { tenantRoutes } from './tenant-routes.ts';

/** The analyst routes of issue 8 (each answers 503 until the runtime provides `deps.analyst`). */
export function analystRoutes(deps: ApiDeps): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/v1/openapi.json',
      access: 'read',
      handle: async () => jsonResponse(200, OPENAPI_DOCUMENT),
    },
    ...searchRoutes(deps),
    ...tenantRoutes(deps),
    ...restrictionRoutes(deps),
    ...reportRoutes(deps),
    ...exportRoutes(deps),
  ];
}
