/**
 * Bucketing of dedicated IPs and ranges so that "which tenant owns this IP" is one Query on one partition:
 * IPv4 by its /16, IPv6 by its /32. A range wider than a bucket is written to every bucket it covers, up to
 * MAX_BUCKETS_PER_RANGE; wider ranges are refused (no tenant has a dedicated /7).
 */
import ipaddr from 'ipaddr.js';

/** IPv4 bucket: the first two octets. */
const IPV4_BUCKET_PREFIX = 16;
/** IPv6 bucket: the first two hextets (a /32 is a typical provider allocation, RFC 6177 §3). */
const IPV6_BUCKET_PREFIX = 32;
/** 256 items per range at most: a /8 of IPv4 or a /24 of IPv6. */
export const MAX_BUCKETS_PER_RANGE = 256;

/** A dedicated IP or CIDR range, normalised, with the bucket keys it is stored under. */
export interface BucketedRange {
  /** `address/prefix`, address in canonical form (IPv4 dotted, IPv6 RFC 5952 compact). */
  readonly cidr: string;
  readonly buckets: readonly string[];
}

/** Why an IP or range cannot be stored. */
export class IpRangeError extends Error {
  override name = 'IpRangeError';
}

/** Normalises `rangeOrIp` and lists its buckets; throws IpRangeError for invalid or too-wide ranges. */
export function bucketRange(rangeOrIp: string): BucketedRange {
  const [address, prefix] = parseRange(rangeOrIp);
  const bucketPrefix = address.kind() === 'ipv4' ? IPV4_BUCKET_PREFIX : IPV6_BUCKET_PREFIX;
  const spread = prefix >= bucketPrefix ? 1 : 2 ** (bucketPrefix - prefix);
  if (spread > MAX_BUCKETS_PER_RANGE) {
    throw new IpRangeError(
      `${rangeOrIp} is wider than /${bucketPrefix - Math.log2(MAX_BUCKETS_PER_RANGE)}; list narrower ranges`,
    );
  }
  const first = (leadingBits(address) & maskOf(Math.min(prefix, bucketPrefix), bucketPrefix)) >>> 0;
  const buckets: string[] = [];
  for (let offset = 0; offset < spread; offset++) buckets.push(bucketKey(address.kind(), first + offset));
  return { cidr: `${address.toString()}/${prefix}`, buckets };
}

/** The bucket key an IP is looked up in, or undefined when `ip` is not an IP address. */
export function bucketOfIp(ip: string): string | undefined {
  if (!ipaddr.isValid(ip)) return undefined;
  const address = ipaddr.process(ip);
  return bucketKey(address.kind(), leadingBits(address));
}

/** Whether `ip` lies in `cidr` (both parsed leniently; IPv4-mapped IPv6 counts as IPv4). */
export function cidrContains(cidr: string, ip: string): boolean {
  if (!ipaddr.isValid(ip)) return false;
  const address = ipaddr.process(ip);
  const [network, prefix] = parseRange(cidr);
  return address.kind() === network.kind() && address.match(network, prefix);
}

/** Whether two ranges share at least one address. */
export function cidrsOverlap(a: string, b: string): boolean {
  const [na, pa] = parseRange(a);
  const [nb, pb] = parseRange(b);
  if (na.kind() !== nb.kind()) return false;
  return pa <= pb ? nb.match(na, pa) : na.match(nb, pb);
}

function parseRange(rangeOrIp: string): [ipaddr.IPv4 | ipaddr.IPv6, number] {
  const text = rangeOrIp.trim();
  try {
    if (text.includes('/')) {
      const [address, prefix] = ipaddr.parseCIDR(text);
      if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress() && prefix >= 96) {
        return [(address as ipaddr.IPv6).toIPv4Address(), prefix - 96];
      }
      return [address, prefix];
    }
    const address = ipaddr.process(text);
    return [address, address.kind() === 'ipv4' ? 32 : 128];
  } catch (error) {
    throw new IpRangeError(`${rangeOrIp} is not an IP address or CIDR range`, { cause: error });
  }
}

/** The first 16 (IPv4) or 32 (IPv6) bits of an address as an unsigned integer. */
function leadingBits(address: ipaddr.IPv4 | ipaddr.IPv6): number {
  if (address.kind() === 'ipv4') {
    const [a = 0, b = 0] = (address as ipaddr.IPv4).octets;
    return a * 256 + b;
  }
  const [h0 = 0, h1 = 0] = (address as ipaddr.IPv6).parts;
  return h0 * 65536 + h1;
}

function maskOf(prefix: number, width: number): number {
  // Arithmetic rather than bit operators: 32-bit values overflow JavaScript's signed shifts.
  return (2 ** width - 2 ** (width - prefix)) >>> 0;
}

function bucketKey(kind: 'ipv4' | 'ipv6', bits: number): string {
  if (kind === 'ipv4') return `IP#v4#${Math.floor(bits / 256)}.${bits % 256}`;
  const hex = (value: number) => value.toString(16).padStart(4, '0');
  return `IP#v6#${hex(Math.floor(bits / 65536))}:${hex(bits % 65536)}`;
}
