/**
 * A read-through cache in front of a TenantDirectory. Attribution looks the same few tenants, domains and IPs up
 * for every report; against DynamoDB that is most of the requests (and the cost) per report. Answers, including
 * "no tenant", are kept for `ttlMs`, so a directory change reaches attribution within that time.
 */
import type { Tenant } from '../../core/model/index.ts';
import type { TenantDirectory } from '../../core/ports.ts';

/** Cache tuning. */
export interface TenantCacheOptions {
  /** How long an answer is reused; default 15 s. */
  readonly ttlMs?: number;
  /** Answers kept at most (oldest dropped first); default 10,000. */
  readonly maxEntries?: number;
  /** Epoch ms; injectable for tests. */
  readonly clock?: () => number;
}

const DEFAULT_TTL_MS = 15_000;
const DEFAULT_MAX_ENTRIES = 10_000;

/** Wraps `inner` so repeated look-ups within `ttlMs` are answered from memory (concurrent ones share a request). */
export function createCachedTenantDirectory(
  inner: TenantDirectory,
  options: TenantCacheOptions = {},
): TenantDirectory {
  const ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
  const maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
  const clock = options.clock ?? (() => Date.now());
  const entries = new Map<string, { expires: number; answer: Promise<unknown> }>();

  function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    const now = clock();
    const hit = entries.get(key);
    if (hit !== undefined && hit.expires > now) return hit.answer as Promise<T>;
    entries.delete(key);
    const answer = load();
    entries.set(key, { expires: now + ttlMs, answer });
    // A failed look-up is transient: never serve the failure from the cache.
    answer.catch(() => {
      if (entries.get(key)?.answer === answer) entries.delete(key);
    });
    while (entries.size > maxEntries) {
      const oldest = entries.keys().next().value;
      if (oldest === undefined) break;
      entries.delete(oldest);
    }
    return answer;
  }

  return {
    getTenant: (tenantId) =>
      cached<Tenant | undefined>(`id\u0000${tenantId}`, () => inner.getTenant(tenantId)),
    findTenantByDomain: (domain) =>
      cached(`domain\u0000${domain.trim().toLowerCase()}`, () => inner.findTenantByDomain(domain)),
    findTenantsByIp: (ip) => cached(`ip\u0000${ip.trim().toLowerCase()}`, () => inner.findTenantsByIp(ip)),
  };
}
