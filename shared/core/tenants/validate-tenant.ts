import type { AcceptedDomain, Tenant } from '../model/index.ts';
import { nearestName } from '../spelling/nearest-name.ts';
import { networkAddress, parseIpRange } from './ip-in-range.ts';
import { normalizeDomain } from './normalize-domain.ts';
import { TenantValidationError } from './tenant-validation-error.ts';
import { validatePolicyOverrides } from './validate-policy-overrides.ts';

/** Tenant ids become DynamoDB key parts and CLI arguments: keep them short and free of separators. */
const TENANT_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const MAX_NAME_LENGTH = 200;
/** Every field a tenant entry may carry; a misspelt one (`dedicatedIp`) would otherwise drop its value silently. */
const TENANT_FIELDS = [
  'tenantId',
  'name',
  'acceptedDomains',
  'dedicatedIps',
  'adminContact',
  'policy',
  'createdAt',
  'updatedAt',
] as const;
/** A deliberately plain addr-spec check: one @, no spaces, a valid domain (RFC 5321 §4.1.2 is looser). */
const LOCAL_PART = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}$/;

/**
 * Checks and normalises a tenant from untrusted input (import file, API body). Domains become lower-case
 * A-labels, IPs canonical text; `createdAt` is kept from `existing` (or the input) and `updatedAt` is `now`.
 * Throws TenantValidationError naming the first bad field.
 */
export function validateTenant(input: unknown, now: string, existing?: Tenant): Tenant {
  const record = asRecord(input, 'tenant', 'expected an object with tenantId, name and acceptedDomains');
  for (const field of Object.keys(record)) {
    if ((TENANT_FIELDS as readonly string[]).includes(field)) continue;
    const nearest = nearestName(field, TENANT_FIELDS);
    fail(
      field,
      nearest
        ? `unknown field; did you mean "${nearest}"?`
        : `unknown field; known: ${TENANT_FIELDS.join(', ')}`,
    );
  }
  const tenantId = requireString(record, 'tenantId');
  if (!TENANT_ID.test(tenantId)) {
    fail(
      'tenantId',
      `"${tenantId}" must be 1–128 letters, digits, dot, underscore or hyphen, starting alphanumeric`,
    );
  }
  if (existing !== undefined && existing.tenantId !== tenantId) {
    fail(
      'tenantId',
      `cannot change from "${existing.tenantId}" to "${tenantId}"; create a new tenant instead`,
    );
  }
  const name = requireString(record, 'name');
  if (name.length > MAX_NAME_LENGTH) fail('name', `longer than ${MAX_NAME_LENGTH} characters`);
  const acceptedDomains = validateDomains(record['acceptedDomains']);
  const dedicatedIps = validateIps(record['dedicatedIps']);
  const adminContact = validateContact(record['adminContact']);
  const policy = validatePolicyOverrides(record['policy']);
  const createdAt = existing?.createdAt ?? optionalTimestamp(record['createdAt'], 'createdAt') ?? now;
  return {
    tenantId,
    name,
    acceptedDomains,
    dedicatedIps,
    ...(adminContact === undefined ? {} : { adminContact }),
    ...(policy === undefined ? {} : { policy }),
    createdAt,
    updatedAt: now,
  };
}

function validateDomains(value: unknown): AcceptedDomain[] {
  if (value === undefined) return [];
  if (!Array.isArray(value))
    fail('acceptedDomains', 'expected a list of domains or {domain, includeSubdomains}');
  const seen = new Set<string>();
  return value.map((entry: unknown, i) => {
    const field = `acceptedDomains[${i}]`;
    const raw =
      typeof entry === 'string' ? { domain: entry } : asRecord(entry, field, 'expected a domain string');
    const text = raw['domain'];
    if (typeof text !== 'string')
      fail(`${field}.domain`, 'missing; give the domain name, e.g. "example.com"');
    const domain = normalizeDomain(text.replace(/^\*\./, ''));
    if (domain === undefined) fail(`${field}.domain`, `"${text}" is not a domain name like "example.com"`);
    if (seen.has(domain)) fail(`${field}.domain`, `"${domain}" is listed twice; keep one entry`);
    seen.add(domain);
    const include = raw['includeSubdomains'] ?? text.trim().startsWith('*.');
    if (typeof include !== 'boolean') fail(`${field}.includeSubdomains`, 'expected true or false');
    return { domain, includeSubdomains: include };
  });
}

function validateIps(value: unknown): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail('dedicatedIps', 'expected a list of IPs or CIDR ranges');
  return value.map((entry: unknown, i) => {
    const range = typeof entry === 'string' ? parseIpRange(entry) : undefined;
    if (range === undefined) {
      fail(
        `dedicatedIps[${i}]`,
        `${JSON.stringify(entry)} is not an IPv4/IPv6 address or CIDR like 192.0.2.0/28`,
      );
    }
    const full = range.address.kind() === 'ipv4' ? 32 : 128;
    const address = range.address.toString();
    const network = networkAddress(range);
    if (network !== address) {
      fail(`dedicatedIps[${i}]`, `${entry} has host bits set; write ${network}/${range.prefixLength}`);
    }
    return range.prefixLength === full ? address : `${address}/${range.prefixLength}`;
  });
}

function validateContact(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') fail('adminContact', 'expected an email address');
  const text = value.trim();
  const at = text.lastIndexOf('@');
  const local = text.slice(0, at);
  const domain = normalizeDomain(text.slice(at + 1));
  if (at <= 0 || !LOCAL_PART.test(local) || domain === undefined) {
    fail('adminContact', `"${text}" is not an email address like admin@example.com`);
  }
  return `${local}@${domain}`;
}

function optionalTimestamp(value: unknown, field: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) fail(field, 'expected an ISO 8601 time');
  return new Date(value).toISOString();
}

function requireString(record: Record<string, unknown>, field: string): string {
  const value = record[field];
  if (typeof value !== 'string' || value.trim() === '') fail(field, 'required; expected a non-empty string');
  return value.trim();
}

function asRecord(value: unknown, field: string, hint: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(field, hint);
  return value as Record<string, unknown>;
}

function fail(field: string, problem: string): never {
  throw new TenantValidationError(field, problem);
}
