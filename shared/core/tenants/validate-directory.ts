import type { AcceptedDomain, Tenant } from '../model/index.ts';
import { type IpRange, parseIpRange } from './ip-in-range.ts';
import { TenantValidationError } from './tenant-validation-error.ts';

interface DomainClaim {
  readonly tenantId: string;
  readonly field: string;
  readonly accepted: AcceptedDomain;
}

interface RangeClaim {
  readonly tenantId: string;
  readonly field: string;
  readonly text: string;
  readonly family: 'ipv4' | 'ipv6';
  readonly start: bigint;
  readonly end: bigint;
}

/**
 * Throws TenantValidationError when two tenants share an id, claim the same domain (or one claims a subdomain
 * of a domain the other registered with `includeSubdomains`), or hold overlapping IP ranges: attribution must
 * never have two owners to choose from. Linear in the number of claims (times domain depth, plus a sort), so
 * whole-directory imports stay fast.
 */
export function validateDirectory(tenants: readonly Tenant[]): void {
  const ids = new Map<string, number>();
  tenants.forEach((tenant, i) => {
    const earlier = ids.get(tenant.tenantId);
    if (earlier !== undefined) {
      throw new TenantValidationError(
        `tenants[${i}].tenantId`,
        `"${tenant.tenantId}" also used by tenants[${earlier}]`,
      );
    }
    ids.set(tenant.tenantId, i);
  });
  checkDomains(
    tenants.flatMap((tenant, t) =>
      tenant.acceptedDomains.map((accepted, d) => ({
        tenantId: tenant.tenantId,
        field: `tenants[${t}].acceptedDomains[${d}]`,
        accepted,
      })),
    ),
  );
  checkRanges(
    tenants.flatMap((tenant, t) =>
      tenant.dedicatedIps.flatMap((text, r) => {
        const range = parseIpRange(text);
        return range ? [rangeClaim(tenant.tenantId, `tenants[${t}].dedicatedIps[${r}]`, text, range)] : [];
      }),
    ),
  );
}

function checkDomains(claims: readonly DomainClaim[]): void {
  const byDomain = new Map<string, DomainClaim>();
  for (const claim of claims) {
    const same = byDomain.get(claim.accepted.domain);
    if (same !== undefined && same.tenantId !== claim.tenantId) throw domainConflict(claim, same);
    if (same === undefined || claim.accepted.includeSubdomains) byDomain.set(claim.accepted.domain, claim);
  }
  for (const claim of claims) {
    const labels = claim.accepted.domain.split('.');
    for (let i = 1; i < labels.length - 1; i++) {
      const parent = byDomain.get(labels.slice(i).join('.'));
      if (parent?.accepted.includeSubdomains && parent.tenantId !== claim.tenantId)
        throw domainConflict(claim, parent);
    }
  }
}

function domainConflict(claim: DomainClaim, other: DomainClaim): TenantValidationError {
  return new TenantValidationError(
    claim.field,
    `"${claim.accepted.domain}" overlaps "${other.accepted.domain}" of tenant ${other.tenantId}; a domain belongs to one tenant`,
  );
}

/** CIDR blocks either nest or are disjoint, so after sorting, each block only needs the widest open one. */
function checkRanges(claims: readonly RangeClaim[]): void {
  const sorted = [...claims].sort((a, b) =>
    a.family !== b.family
      ? a.family.localeCompare(b.family)
      : a.start !== b.start
        ? a.start < b.start
          ? -1
          : 1
        : a.end > b.end
          ? -1
          : 1,
  );
  let open: RangeClaim | undefined;
  for (const claim of sorted) {
    if (open !== undefined && open.family === claim.family && claim.start <= open.end) {
      if (open.tenantId !== claim.tenantId) {
        throw new TenantValidationError(
          claim.field,
          `${claim.text} overlaps ${open.text} of tenant ${open.tenantId}; a dedicated IP belongs to one tenant`,
        );
      }
      if (claim.end > open.end) open = claim;
      continue;
    }
    open = claim;
  }
}

function rangeClaim(tenantId: string, field: string, text: string, range: IpRange): RangeClaim {
  const bytes = range.address.toByteArray();
  const bits = bytes.length * 8;
  const value = bytes.reduce((sum, byte) => (sum << 8n) | BigInt(byte), 0n);
  const hostBits = BigInt(bits - range.prefixLength);
  const start = (value >> hostBits) << hostBits;
  return { tenantId, field, text, family: range.address.kind(), start, end: start + (1n << hostBits) - 1n };
}
