import type { ApiRequest } from '../api-types.ts';
import type { ApiIdentity } from './roles.ts';

/** Decides who a request comes from; `undefined` means unauthenticated (401). */
export type Authenticator = (request: ApiRequest) => Promise<ApiIdentity | undefined>;

/** Tries each authenticator in order and returns the first identity found. */
export function firstOf(...authenticators: readonly Authenticator[]): Authenticator {
  return async (request) => {
    for (const authenticate of authenticators) {
      const identity = await authenticate(request);
      if (identity) return identity;
    }
    return undefined;
  };
}
