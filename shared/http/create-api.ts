import type { ApiDeps } from './api-deps.ts';
import { errorResponse, forbidden, jsonResponse, notFound, unauthenticated } from './api-responses.ts';
import type { ApiHandler, ApiRequest, ApiResponse } from './api-types.ts';
import { hasRole } from './auth/roles.ts';
import { createRouter, type Route } from './router.ts';
import { analystRoutes } from './routes/analyst-routes.ts';
import { healthRoutes } from './routes/health-routes.ts';

/** Logs one line per failure without request content (STYLE: log ids and outcomes, never mail). */
export type ApiErrorLogger = (message: string, error: unknown) => void;

/**
 * Builds the whole HTTP API (health, enforcement, and the analyst /v1 routes of issue 8) as one handler. Route
 * order matters only for literal segments that could also match a parameter.
 */
export function createApi(deps: ApiDeps, logError: ApiErrorLogger = () => {}): ApiHandler {
  const routes: Route[] = [...healthRoutes(deps), ...analystRoutes(deps)];
  const match = createRouter(routes);
  return async (request: ApiRequest): Promise<ApiResponse> => {
    const found = match(request.method, request.path);
    if (found.kind === 'none') return notFound('Route');
    if (found.kind === 'wrong-method') {
      return errorResponse(405, 'method-not-allowed', `Use ${found.allowed.join(', ')}.`, {
        allow: found.allowed.join(', '),
      });
    }
    const { route, params } = found;
    try {
      const needsIdentity =
        route.access === 'read' ||
        route.access === 'manage' ||
        (route.access === 'enforcement' && deps.enforcementRequiresToken === true);
      if (!needsIdentity) return await route.handle({ request, params });
      const identity = await deps.authenticate(request);
      if (!identity) return unauthenticated();
      const needed = route.access === 'manage' ? 'manage' : 'read';
      if (!hasRole(identity, needed)) return forbidden(needed);
      return await route.handle({ request, params, identity });
    } catch (error) {
      logError(`api ${request.method} ${route.pattern} failed`, error);
      return jsonResponse(500, {
        error: { code: 'internal', message: 'Internal error; see the server log.' },
      });
    }
  };
}
