import ipaddr from 'ipaddr.js';

/**
 * Normalises an IP address: IPv4 dotted quad, IPv6 in canonical compressed lower case (RFC 5952),
 * IPv4-mapped IPv6 as IPv4. Accepts `[..]`, `IPv6:` (RFC 5321 §4.1.3) and zone-less forms; undefined if invalid.
 */
export function normalizeIp(input: string): string | undefined {
  let text = input.trim();
  if (text.startsWith('[') && text.endsWith(']')) text = text.slice(1, -1);
  if (/^ipv6:/i.test(text)) text = text.slice(5);
  // Cheap shape checks first: Received fields offer many host names that are no address at all.
  if (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(text)) {
    return ipaddr.IPv4.isValidFourPartDecimal(text) ? ipaddr.IPv4.parse(text).toString() : undefined;
  }
  if (/^[0-9a-f:.]+$/i.test(text) && text.includes(':') && ipaddr.IPv6.isValid(text)) {
    return ipaddr.process(text).toString();
  }
  return undefined;
}

/** Whether an address is not globally routable (private, loopback, link-local, reserved…). */
export function isNonPublicIp(ip: string): boolean {
  try {
    return ipaddr.process(ip).range() !== 'unicast';
  } catch {
    return true;
  }
}
