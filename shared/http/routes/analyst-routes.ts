import type { ApiDeps } from '../api-deps.ts';
import type { Route } from '../router.ts';

/** The analyst routes of issue 8; empty until the runtime provides `deps.analyst`. */
export function analystRoutes(deps: ApiDeps): Route[] {
  if (!deps.analyst) return [];
  return [];
}
