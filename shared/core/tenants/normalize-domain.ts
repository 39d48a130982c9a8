import { domainToASCII } from 'node:url';

/** RFC 1035 §2.3.4: 63 octets per label, 253 for the name in presentation form. */
const MAX_LABEL_LENGTH = 63;
const MAX_DOMAIN_LENGTH = 253;
/** Letters, digits and inner hyphens (RFC 5890 §2.3.1 LDH label); IDNA turns U-labels into this form first. */
const LDH_LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

/**
 * The domain as a lower-case IDNA A-label name without a trailing dot (`Bücher.Example.` →
 * `xn--bcher-kva.example`), or undefined when it is not a host name of at least two labels.
 */
export function normalizeDomain(value: string): string | undefined {
  const trimmed = value.trim().replace(/\.$/, '');
  if (trimmed === '' || /[\s/@:]/.test(trimmed)) return undefined;
  const ascii = domainToASCII(trimmed).toLowerCase();
  if (ascii === '' || ascii.length > MAX_DOMAIN_LENGTH) return undefined;
  const labels = ascii.split('.');
  if (labels.length < 2) return undefined;
  for (const label of labels) {
    if (label.length > MAX_LABEL_LENGTH || !LDH_LABEL.test(label)) return undefined;
  }
  // The top-level label is never all digits (RFC 3696 §2), which also rejects IPv4 literals.
  if (/^\d+$/.test(labels[labels.length - 1] ?? '')) return undefined;
  return ascii;
}
