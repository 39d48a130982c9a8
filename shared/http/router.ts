import type { ApiRequest, ApiResponse } from './api-types.ts';
import type { ApiIdentity, ApiRole } from './auth/roles.ts';

/** Path parameters captured from `{name}` segments, percent-decoded. */
export type PathParams = Readonly<Record<string, string>>;

/**
 * Who may call a route: anyone (`public`), the enforcement caller (`enforcement`, token configurable), or an
 * identity holding at least that role.
 */
export type RouteAccess = 'public' | 'enforcement' | ApiRole;

/** What a handler receives: the request, its path parameters and the caller (absent on public routes). */
export interface RouteCall {
  readonly request: ApiRequest;
  readonly params: PathParams;
  readonly identity?: ApiIdentity;
}

/** A route's handler. */
export type RouteHandler = (call: RouteCall) => Promise<ApiResponse>;

/** One route, e.g. `{ method: 'GET', pattern: '/v1/tenants/{id}', access: 'read', handle }`. */
export interface Route {
  readonly method: string;
  readonly pattern: string;
  readonly access: RouteAccess;
  readonly handle: RouteHandler;
}

/** The outcome of matching a path: a route, a path known under other methods (405), or nothing (404). */
export type RouteMatch =
  | { readonly kind: 'found'; readonly route: Route; readonly params: PathParams }
  | { readonly kind: 'wrong-method'; readonly allowed: readonly string[] }
  | { readonly kind: 'none' };

function splitPath(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function matchPattern(pattern: readonly string[], segments: readonly string[]): PathParams | undefined {
  if (pattern.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, part] of pattern.entries()) {
    const segment = segments[i] ?? '';
    if (part.startsWith('{') && part.endsWith('}')) {
      const value = decodeSegment(segment);
      if (value === undefined || value === '') return undefined;
      params[part.slice(1, -1)] = value;
    } else if (part !== segment) {
      return undefined;
    }
  }
  return params;
}

/** Builds a matcher over a fixed route table; literal segments win over parameters by table order. */
export function createRouter(routes: readonly Route[]): (method: string, path: string) => RouteMatch {
  const compiled = routes.map((route) => ({ route, parts: splitPath(route.pattern) }));
  return (method, path) => {
    const segments = splitPath(path);
    // HEAD is GET without a body (RFC 9110 §9.3.2); the HTTP layer drops the body.
    const wanted = method.toUpperCase() === 'HEAD' ? 'GET' : method.toUpperCase();
    const allowed: string[] = [];
    for (const { route, parts } of compiled) {
      const params = matchPattern(parts, segments);
      if (!params) continue;
      if (route.method === wanted) return { kind: 'found', route, params };
      allowed.push(route.method);
    }
    return allowed.length > 0 ? { kind: 'wrong-method', allowed } : { kind: 'none' };
  };
}
