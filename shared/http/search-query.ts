import { isIP } from 'node:net';
import type { ReportFilters } from './report-filters.ts';

/** What a free-text search box query looks like, and the report filter that serves it. */
export type SearchKind = 'message-id' | 'ip' | 'address' | 'domain' | 'id';

/** Longest search text; a Message-ID is at most a 998-octet line (RFC 5322 §2.1.1). */
export const MAX_SEARCH_LENGTH = 998;

const DOMAIN = /^(?=.{1,253}$)([a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)+[a-z0-9-]{2,63}\.?$/i;

/** Classifies a search: `<…>` is a Message-ID, then IPs, addresses, domains; anything else is an id. */
export function classifySearch(raw: string): { kind: SearchKind; filters: ReportFilters } {
  const q = raw.trim();
  if (q.startsWith('<') && q.endsWith('>'))
    return { kind: 'message-id', filters: { messageId: q.slice(1, -1) } };
  const lower = q.toLowerCase();
  if (isIP(lower.replace(/^\[|\]$/g, '')))
    return { kind: 'ip', filters: { sourceIp: lower.replace(/^\[|\]$/g, '') } };
  if (/^[^\s@]+@[^\s@]+$/.test(q)) return { kind: 'address', filters: { senderAddress: lower } };
  if (DOMAIN.test(q)) return { kind: 'domain', filters: { senderDomain: lower.replace(/\.$/, '') } };
  return { kind: 'id', filters: {} };
}
