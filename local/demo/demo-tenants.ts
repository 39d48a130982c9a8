/** The demo's tenants, as `tenants import` would read them. */
export const DEMO_TENANTS = [
  {
    tenantId: 'acme',
    name: 'Acme Retail',
    acceptedDomains: [{ domain: 'acme-retail.test', includeSubdomains: true }],
    dedicatedIps: ['198.51.100.10'],
    adminContact: 'postmaster@acme-retail.test',
  },
  {
    tenantId: 'globex',
    name: 'Globex Newsletters',
    acceptedDomains: [{ domain: 'globex-news.test', includeSubdomains: false }],
    dedicatedIps: [],
    adminContact: 'it@globex-news.test',
  },
  {
    tenantId: 'initech',
    name: 'Initech',
    acceptedDomains: [{ domain: 'initech.test', includeSubdomains: false }],
    dedicatedIps: [],
    adminContact: 'admin@initech.test',
  },
] as const;
