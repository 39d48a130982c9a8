import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bucketOfIp,
  bucketRange,
  cidrContains,
  cidrsOverlap,
  IpRangeError,
} from '../../../shared/adapters/dynamodb/ip-buckets.ts';

describe('bucketRange', () => {
  it('puts an IPv4 address or narrow range in its /16 bucket', () => {
    expect(bucketRange('192.0.2.10')).toEqual({ cidr: '192.0.2.10/32', buckets: ['IP#v4#192.0'] });
    expect(bucketRange('198.51.100.0/24')).toEqual({ cidr: '198.51.100.0/24', buckets: ['IP#v4#198.51'] });
  });

  it('fans a range wider than a /16 out to every bucket it covers', () => {
    const { buckets } = bucketRange('10.16.0.0/12');
    expect(buckets).toHaveLength(16);
    expect(buckets[0]).toBe('IP#v4#10.16');
    expect(buckets.at(-1)).toBe('IP#v4#10.31');
  });

  it('puts IPv6 in its /32 bucket whatever the notation', () => {
    expect(bucketRange('2001:DB8:0:1::/64')).toEqual({
      cidr: '2001:db8:0:1::/64',
      buckets: ['IP#v6#2001:0db8'],
    });
    expect(bucketOfIp('2001:0db8:0000:0001::1')).toBe('IP#v6#2001:0db8');
    expect(bucketRange('ffff:ffff::/31').buckets).toEqual(['IP#v6#ffff:fffe', 'IP#v6#ffff:ffff']);
  });

  it('treats IPv4-mapped IPv6 as IPv4', () => {
    expect(bucketOfIp('::ffff:192.0.2.10')).toBe('IP#v4#192.0');
    expect(bucketRange('::ffff:192.0.2.0/120')).toEqual({ cidr: '192.0.2.0/24', buckets: ['IP#v4#192.0'] });
  });

  it('refuses garbage and ranges wider than 256 buckets', () => {
    expect(() => bucketRange('not-an-ip')).toThrow(IpRangeError);
    expect(() => bucketRange('10.0.0.0/7')).toThrow(IpRangeError);
    expect(() => bucketRange('2001::/23')).toThrow(IpRangeError);
    expect(bucketOfIp('999.1.1.1')).toBeUndefined();
  });

  it('always files an address of a range under one of the range’s buckets', () => {
    fc.assert(
      fc.property(fc.ipV4(), fc.integer({ min: 8, max: 32 }), fc.ipV4(), (base, prefix, probe) => {
        const range = `${base}/${prefix}`;
        const { cidr, buckets } = bucketRange(range);
        if (cidrContains(cidr, probe)) expect(buckets).toContain(bucketOfIp(probe));
      }),
    );
  });
});

describe('cidrsOverlap', () => {
  it('sees nested and identical ranges as overlapping, disjoint ones and other families not', () => {
    expect(cidrsOverlap('203.0.113.0/24', '203.0.113.128/25')).toBe(true);
    expect(cidrsOverlap('203.0.113.128/25', '203.0.113.0/24')).toBe(true);
    expect(cidrsOverlap('203.0.113.5/32', '203.0.113.5/32')).toBe(true);
    expect(cidrsOverlap('203.0.113.0/25', '203.0.113.128/25')).toBe(false);
    expect(cidrsOverlap('203.0.113.0/24', '2001:db8::/32')).toBe(false);
  });
});
