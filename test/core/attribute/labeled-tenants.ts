/** The tenant directory of the labeled attribution suite. */
import { createPublicKey } from 'node:crypto';
import type { ExternalKeyResolver } from '../../../shared/core/attribute/index.ts';
import type { TenantDirectory } from '../../../shared/core/ports.ts';
import { createInMemoryTenantDirectory, validateTenant } from '../../../shared/core/tenants/index.ts';
import { TEST_KEYS } from '../../support/mail-builder.ts';

const NOW = '2026-11-24T00:00:00.000Z';

/** acme: dedicated IPv4 /29; globex: subdomains and IPv6; initech: signs its own mail; umbrella: a dedicated relay. */
export const LABELED_TENANTS = [
  {
    tenantId: 'acme',
    name: 'Acme',
    acceptedDomains: ['acme.example', 'acme-mail.example'],
    dedicatedIps: ['198.51.100.16/29'],
  },
  {
    tenantId: 'globex',
    name: 'Globex',
    acceptedDomains: [{ domain: 'globex.example', includeSubdomains: true }],
    dedicatedIps: ['2001:db8:100::/64', '192.0.2.64/28'],
  },
  { tenantId: 'initech', name: 'Initech', acceptedDomains: ['initech.example'] },
  {
    tenantId: 'umbrella',
    name: 'Umbrella',
    acceptedDomains: ['umbrella.example'],
    dedicatedIps: ['203.0.113.9'],
  },
].map((input) => validateTenant(input, NOW));

/** A fresh directory over LABELED_TENANTS. */
export function labeledDirectory(): TenantDirectory {
  return createInMemoryTenantDirectory(LABELED_TENANTS);
}

/** initech's own DKIM key, as DNS at the edge would return it; every other domain has none. */
export const INITECH_SELECTOR = 'mail';
export const resolveInitechKey: ExternalKeyResolver = async (domain, selector) =>
  domain === 'initech.example' && selector === INITECH_SELECTOR
    ? createPublicKey(TEST_KEYS.tenantRsa.privateKey).export({ type: 'spki', format: 'pem' }).toString()
    : undefined;
