import ipaddr from 'ipaddr.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** An address or CIDR range reduced to a comparable form; IPv4-mapped IPv6 addresses count as IPv4. */
export interface IpRange {
  readonly address: Address;
  readonly prefixLength: number;
}

/** The address as ipaddr.js sees it, with `::ffff:a.b.c.d` unwrapped to IPv4, or undefined when invalid. */
export function parseIp(value: string): Address | undefined {
  const text = value.trim().replace(/^\[|\]$/g, '');
  if (!ipaddr.isValid(text) || (!text.includes(':') && !isDottedQuad(text))) return undefined;
  try {
    return ipaddr.process(text);
  } catch {
    return undefined;
  }
}

/** ipaddr.js accepts `10.1`, octal and hex octets as IPv4 (inet_aton); headers and registries mean four decimals. */
function isDottedQuad(text: string): boolean {
  return /^(0|[1-9]\d{0,2})(\.(0|[1-9]\d{0,2})){3}$/.test(text);
}

/** Parses `192.0.2.0/28`, `2001:db8::/64` or a single address (a /32 or /128), or undefined when invalid. */
export function parseIpRange(value: string): IpRange | undefined {
  const text = value.trim();
  const slash = text.indexOf('/');
  if (slash === -1) {
    const address = parseIp(text);
    if (address === undefined) return undefined;
    return { address, prefixLength: address.kind() === 'ipv4' ? 32 : 128 };
  }
  const address = parseIp(text.slice(0, slash));
  const bitsText = text.slice(slash + 1);
  if (address === undefined || !/^\d{1,3}$/.test(bitsText)) return undefined;
  const bits = Number(bitsText);
  const mappedV4 = address.kind() === 'ipv4' && text.slice(0, slash).includes(':');
  // A CIDR written on an IPv4-mapped IPv6 address counts its prefix over 128 bits (RFC 4291 §2.5.5.2).
  const prefixLength = mappedV4 ? bits - 96 : bits;
  const max = address.kind() === 'ipv4' ? 32 : 128;
  if (prefixLength < 0 || prefixLength > max) return undefined;
  return { address, prefixLength };
}

/** Whether `ip` lies in `rangeOrIp` (CIDR or single address, v4 or v6); invalid input is never in range. */
export function ipInRange(ip: string, rangeOrIp: string): boolean {
  const address = parseIp(ip);
  const range = parseIpRange(rangeOrIp);
  if (address === undefined || range === undefined) return false;
  return contains(range, address);
}

function contains(range: IpRange, address: Address): boolean {
  if (address.kind() !== range.address.kind()) return false;
  if (address.kind() === 'ipv4') {
    return (address as ipaddr.IPv4).match(range.address as ipaddr.IPv4, range.prefixLength);
  }
  return (address as ipaddr.IPv6).match(range.address as ipaddr.IPv6, range.prefixLength);
}

/** Whether two ranges share at least one address (CIDR blocks overlap only when one contains the other). */
export function rangesOverlap(a: IpRange, b: IpRange): boolean {
  const wider = a.prefixLength <= b.prefixLength ? a : b;
  const narrower = wider === a ? b : a;
  return contains(wider, narrower.address);
}

/** Canonical text of an address: dotted IPv4, or compressed lower-case IPv6 (RFC 5952). */
export function canonicalIp(value: string): string | undefined {
  return parseIp(value)?.toString();
}

/** The range's network address (host bits cleared), e.g. `192.0.2.0` for `192.0.2.5/24`. */
export function networkAddress(range: IpRange): string {
  const bytes = range.address.toByteArray();
  const masked = bytes.map((byte, i) => {
    const keep = Math.min(8, Math.max(0, range.prefixLength - i * 8));
    return byte & (0xff << (8 - keep)) & 0xff;
  });
  return ipaddr.fromByteArray(masked).toString();
}
