import { isIP } from 'node:net';
import type { ReportFilters } from './report-filters.ts';

/** What a free-text search box query looks like, and the report filter that serves it. */
export type SearchKind = 'message-id' | 'ip' | 'ip-prefix' | 'address' | 'domain' | 'id';

/** Longest search text; a Message-ID is at most a 998-octet line (RFC 5322 §2.1.1). */
export const MAX_SEARCH_LENGTH = 998;

/**
 * One to three leading IPv4 octets (`203.0.113`, `10.`): not an address. Reports are indexed by whole source IP, so
 * a prefix cannot be served from the index; it must not be searched as a domain either (`113` looks like a TLD).
 */
const IPV4_PREFIX =
  /^(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){0,2}\.$|^(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){1,2}$/;

const DOMAIN = /^(?=.{1,253}$)([a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)+[a-z0-9-]{2,63}\.?$/i;

/**
 * Classifies a search: `<…>` is a Message-ID, then IPs, IPv4 prefixes, addresses, domains; anything else is an id.
 */
export function classifySearch(raw: string): { kind: SearchKind; filters: ReportFilters } {
  const q = raw.trim();
  if (q.startsWith('<') && q.endsWith('>'))
    return { kind: 'message-id', filters: { messageId: q.slice(1, -1) } };
  const lower = q.toLowerCase();
  if (isIP(lower.replace(/^\[|\]$/g, '')))
    return { kind: 'ip', filters: { sourceIp: lower.replace(/^\[|\]$/g, '') } };
  if (IPV4_PREFIX.test(q)) return { kind: 'ip-prefix', filters: {} };
  if (/^[^\s@]+@[^\s@]+$/.test(q)) return { kind: 'address', filters: { senderAddress: lower } };
  if (DOMAIN.test(q)) return { kind: 'domain', filters: { senderDomain: lower.replace(/\.$/, '') } };
  return { kind: 'id', filters: {} };
}

/** Whether a tenant's dedicated IP (or CIDR range) starts with an IPv4 prefix, octet-aligned (`10.1` ≠ `10.12.…`). */
export function ipHasPrefix(ip: string, prefix: string): boolean {
  return ip.startsWith(prefix.endsWith('.') ? prefix : `${prefix}.`);
}
