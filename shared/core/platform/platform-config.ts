import { parseIpRange } from '../tenants/ip-in-range.ts';
import { normalizeDomain } from '../tenants/normalize-domain.ts';
import { readPublicKey } from './public-key.ts';

/** One DKIM key the platform's outbound relays sign with. */
export interface PlatformSigningKey {
  readonly domain: string;
  readonly selector: string;
  /** PEM, or the base64 `p=` value of the DKIM DNS record. */
  readonly publicKey: string;
}

/** What attribution knows about the sending platform itself (DESIGN §3). */
export interface PlatformConfig {
  /** The platform's DKIM domains and their public keys: verification needs no DNS. */
  readonly signingKeys: readonly PlatformSigningKey[];
  /** Header the outbound relays stamp with the tenant id (Exchange Online: `X-MS-Exchange-CrossTenant-Id`). */
  readonly tenantHeader: string;
  /** Outbound relay host names; `*.suffix` matches any host below suffix. */
  readonly relayHosts: readonly string[];
  /** Outbound relay IPs / CIDRs (v4, v6); shared relays name no tenant. */
  readonly relayIps: readonly string[];
  /** Addresses reporters send to, e.g. junk@platform.example. */
  readonly reportingAddresses: readonly string[];
  /** Our receiving side's authserv-id (RFC 8601 §2.5). */
  readonly trustedAuthservIds: readonly string[];
  /** Reporter domains that are known feedback loops. */
  readonly automatedFeeds: readonly string[];
  /** Headers naming the submission connector or path (Exchange: `X-MS-Exchange-Organization-AuthSource`). */
  readonly connectorHeaders?: readonly string[];
}

/** Defaults for every field; a platform must still add its signing keys and relays to attribute anything. */
export const DEFAULT_PLATFORM_CONFIG: PlatformConfig = {
  signingKeys: [],
  tenantHeader: 'X-Tenant-Id',
  relayHosts: [],
  relayIps: [],
  reportingAddresses: [],
  trustedAuthservIds: [],
  automatedFeeds: [],
  connectorHeaders: ['X-MS-Exchange-Organization-AuthSource', 'X-Submission-Connector'],
};

/** A platform configuration that cannot be used; the message names the field and the fix. */
export class PlatformConfigError extends Error {
  override name = 'PlatformConfigError';
}

/** RFC 5322 §3.6.8 field-name: printable ASCII except colon. */
const FIELD_NAME = /^[!-9;-~]+$/;
/** RFC 6376 §3.1 selectors are dot-separated sub-domain labels. */
const SELECTOR =
  /^[A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9])?)*$/;
const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** Validates untrusted configuration (file, environment JSON) and fills defaults; throws PlatformConfigError. */
export function parsePlatformConfig(input: unknown): PlatformConfig {
  const record = input === undefined || input === null ? {} : asRecord(input, 'platform');
  const known = new Set(Object.keys(DEFAULT_PLATFORM_CONFIG));
  for (const key of Object.keys(record)) {
    if (!known.has(key)) fail(`platform.${key}`, `unknown field; known fields are ${[...known].join(', ')}`);
  }
  const tenantHeader = record['tenantHeader'] ?? DEFAULT_PLATFORM_CONFIG.tenantHeader;
  if (typeof tenantHeader !== 'string' || !FIELD_NAME.test(tenantHeader)) {
    fail('platform.tenantHeader', 'expected a header field name such as "X-Tenant-Id"');
  }
  return {
    signingKeys: list(record, 'signingKeys').map(signingKey),
    tenantHeader,
    relayHosts: strings(record, 'relayHosts', (value, field) => {
      const name = normalizeDomain(value.replace(/^\*\./, ''));
      if (name === undefined)
        fail(field, `"${value}" is not a host name; write "relay1.example.net" or "*.example.net"`);
      return value.trim().startsWith('*.') ? `*.${name}` : name;
    }),
    relayIps: strings(record, 'relayIps', (value, field) => {
      const range = parseIpRange(value);
      if (range === undefined)
        fail(field, `"${value}" is not an IP or CIDR; write "192.0.2.10" or "2001:db8::/48"`);
      return value.trim();
    }),
    reportingAddresses: strings(record, 'reportingAddresses', (value, field) => {
      if (!EMAIL.test(value.trim()))
        fail(field, `"${value}" is not an email address like junk@platform.example`);
      return value.trim().toLowerCase();
    }),
    trustedAuthservIds: strings(record, 'trustedAuthservIds', (value) => value.trim().toLowerCase()),
    automatedFeeds: strings(record, 'automatedFeeds', (value, field) => {
      const name = normalizeDomain(value);
      if (name === undefined) fail(field, `"${value}" is not a domain such as "fbl.example.net"`);
      return name;
    }),
    connectorHeaders: strings(record, 'connectorHeaders', (value, field) => {
      if (!FIELD_NAME.test(value)) fail(field, `"${value}" is not a header field name`);
      return value;
    }),
  };
}

function signingKey(entry: unknown, index: number): PlatformSigningKey {
  const field = `platform.signingKeys[${index}]`;
  const record = asRecord(entry, field);
  const domainText = record['domain'];
  const domain = typeof domainText === 'string' ? normalizeDomain(domainText) : undefined;
  if (domain === undefined) fail(`${field}.domain`, 'expected the DKIM d= domain, e.g. "platform.example"');
  const selector = record['selector'];
  if (typeof selector !== 'string' || !SELECTOR.test(selector)) {
    fail(`${field}.selector`, 'expected the DKIM s= selector, e.g. "relay2026"');
  }
  const publicKey = record['publicKey'];
  if (typeof publicKey !== 'string' || readPublicKey(publicKey) === undefined) {
    fail(
      `${field}.publicKey`,
      'not a PEM or base64 RSA/Ed25519 key — paste the p= value of the DKIM DNS record',
    );
  }
  return { domain, selector: selector.toLowerCase(), publicKey: publicKey.trim() };
}

function list(record: Record<string, unknown>, key: string): unknown[] {
  const value = record[key];
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail(`platform.${key}`, 'expected a list');
  return value;
}

function strings(
  record: Record<string, unknown>,
  key: keyof PlatformConfig,
  check: (value: string, field: string) => string,
): string[] {
  if (record[key] === undefined)
    return [...((DEFAULT_PLATFORM_CONFIG[key] as readonly string[] | undefined) ?? [])];
  return list(record, key).map((value, i) => {
    const field = `platform.${key}[${i}]`;
    if (typeof value !== 'string' || value.trim() === '') fail(field, 'expected a non-empty string');
    return check(value, field);
  });
}

function asRecord(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(field, 'expected an object');
  return value as Record<string, unknown>;
}

function fail(field: string, problem: string): never {
  throw new PlatformConfigError(`${field}: ${problem}`);
}
