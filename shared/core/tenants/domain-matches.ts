import type { AcceptedDomain } from '../model/index.ts';
import { normalizeDomain } from './normalize-domain.ts';

/**
 * Whether `domain` belongs to the accepted domain: the same name, or a subdomain when the tenant registered it
 * with `includeSubdomains`. Matching is on whole labels of the normalised name, so look-alikes
 * (`examp1e.com`, `notexample.com`, `example.com.evil.net`) never match.
 */
export function domainMatches(accepted: AcceptedDomain, domain: string): boolean {
  const candidate = normalizeDomain(domain);
  if (candidate === undefined) return false;
  if (candidate === accepted.domain) return true;
  return accepted.includeSubdomains && candidate.endsWith(`.${accepted.domain}`);
}
