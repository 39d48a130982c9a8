import { describe, expect, it } from 'vitest';
import { domainMatches, normalizeDomain } from '../../../shared/core/tenants/index.ts';

const exact = { domain: 'example.com', includeSubdomains: false };
const withSubs = { domain: 'example.com', includeSubdomains: true };

describe('domainMatches', () => {
  it('matches the registered domain in any case and with a trailing dot', () => {
    expect(domainMatches(exact, 'Example.COM.')).toBe(true);
  });

  it('matches subdomains only when the tenant registered them', () => {
    expect(domainMatches(exact, 'mail.example.com')).toBe(false);
    expect(domainMatches(withSubs, 'mail.example.com')).toBe(true);
    expect(domainMatches(withSubs, 'a.b.example.com')).toBe(true);
  });

  it.each([
    'examp1e.com',
    'example.com.evil.net',
    'notexample.com',
    'example.co',
    'xample.com',
    'example-com.net',
  ])('never matches the look-alike %s', (lookAlike) => {
    expect(domainMatches(withSubs, lookAlike)).toBe(false);
  });

  it('compares internationalised names in A-label form', () => {
    const accepted = { domain: normalizeDomain('bücher.example')!, includeSubdomains: false };
    expect(accepted.domain).toBe('xn--bcher-kva.example');
    expect(domainMatches(accepted, 'BÜCHER.example')).toBe(true);
    expect(domainMatches(accepted, 'bucher.example')).toBe(false);
  });

  it('rejects things that are not host names', () => {
    for (const bad of ['', 'localhost', '192.0.2.1', 'a..b', 'exa mple.com', 'user@example.com', '-x.com']) {
      expect(normalizeDomain(bad)).toBeUndefined();
    }
  });
});
