import { describe, expect, it } from 'vitest';
import { ipInRange, parseIpRange } from '../../../shared/core/tenants/index.ts';

describe('ipInRange', () => {
  it('finds IPv4 addresses in a CIDR and at its edges', () => {
    expect(ipInRange('192.0.2.0', '192.0.2.0/28')).toBe(true);
    expect(ipInRange('192.0.2.15', '192.0.2.0/28')).toBe(true);
    expect(ipInRange('192.0.2.16', '192.0.2.0/28')).toBe(false);
  });

  it('treats a bare address as a single-address range', () => {
    expect(ipInRange('198.51.100.7', '198.51.100.7')).toBe(true);
    expect(ipInRange('198.51.100.8', '198.51.100.7')).toBe(false);
  });

  it('finds IPv6 addresses whatever their notation', () => {
    expect(ipInRange('2001:DB8:0:0::1', '2001:db8::/64')).toBe(true);
    expect(ipInRange('2001:db8:0:1::1', '2001:db8::/64')).toBe(false);
  });

  it('matches IPv4-mapped IPv6 addresses against IPv4 ranges', () => {
    expect(ipInRange('::ffff:192.0.2.5', '192.0.2.0/24')).toBe(true);
  });

  it('never matches across families or on invalid input', () => {
    expect(ipInRange('192.0.2.1', '::/0')).toBe(false);
    expect(ipInRange('10.1', '10.0.0.0/8')).toBe(false);
    expect(ipInRange('010.0.0.1', '10.0.0.0/8')).toBe(false);
    expect(ipInRange('192.0.2.1', '192.0.2.0/33')).toBe(false);
    expect(ipInRange('not-an-ip', '0.0.0.0/0')).toBe(false);
  });

  it('parses prefix lengths for both families', () => {
    expect(parseIpRange('2001:db8::/48')?.prefixLength).toBe(48);
    expect(parseIpRange('192.0.2.9')?.prefixLength).toBe(32);
    expect(parseIpRange('192.0.2.0/x')).toBeUndefined();
  });
});
