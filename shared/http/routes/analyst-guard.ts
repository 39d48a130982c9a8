import type { AnalystDeps, ApiDeps } from '../api-deps.ts';
import { errorResponse } from '../api-responses.ts';
import type { ApiResponse } from '../api-types.ts';
import type { RouteCall, RouteHandler } from '../router.ts';

/** Wraps an analyst handler: 503 with a clear message while the runtime has not wired the analyst stores. */
export function withAnalyst(
  deps: ApiDeps,
  handle: (call: RouteCall, analyst: AnalystDeps) => Promise<ApiResponse>,
): RouteHandler {
  return async (call) =>
    deps.analyst
      ? handle(call, deps.analyst)
      : errorResponse(503, 'unavailable', 'The analyst API is not configured on this server.');
}
