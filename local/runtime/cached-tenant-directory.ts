import type { AcceptedDomain, Tenant } from '../../shared/core/model/index.ts';
import type { TenantDirectory } from '../../shared/core/ports.ts';

/**
 * How long a directory answer is reused. Attribution asks the same few questions for every report (the tenant of
 * a domain, of an IP, by id); a few seconds turn thousands of reads into a handful, while a tenant imported with
 * the CLI still counts within seconds.
 */
export const DIRECTORY_CACHE_MS = 5_000;
/** Entries kept at most, so a flood of distinct domains cannot grow memory without bound. */
const MAX_ENTRIES = 10_000;

/**
 * A read-through cache in front of the tenant directory for the pipeline's look-ups (answers, misses included,
 * expire after `ttlMs`; concurrent asks for the same key share one read).
 */
export function createCachedTenantDirectory(
  directory: TenantDirectory,
  options: { readonly ttlMs?: number; readonly now?: () => number } = {},
): TenantDirectory {
  const ttl = options.ttlMs ?? DIRECTORY_CACHE_MS;
  const now = options.now ?? Date.now;
  const entries = new Map<string, { at: number; value: Promise<unknown> }>();
  const cached = <T>(key: string, load: () => Promise<T>): Promise<T> => {
    const hit = entries.get(key);
    if (hit && now() - hit.at < ttl) return hit.value as Promise<T>;
    if (entries.size >= MAX_ENTRIES) entries.clear();
    const value = load();
    entries.set(key, { at: now(), value });
    // A failed read is not remembered: the next ask tries again.
    value.catch(() => entries.delete(key));
    return value;
  };
  return {
    getTenant: (tenantId: string): Promise<Tenant | undefined> =>
      cached(`id:${tenantId}`, () => directory.getTenant(tenantId)),
    findTenantByDomain: (domain: string): Promise<{ tenant: Tenant; accepted: AcceptedDomain } | undefined> =>
      cached(`domain:${domain.toLowerCase()}`, () => directory.findTenantByDomain(domain)),
    findTenantsByIp: (ip: string): Promise<readonly Tenant[]> =>
      cached(`ip:${ip.toLowerCase()}`, () => directory.findTenantsByIp(ip)),
  };
}
