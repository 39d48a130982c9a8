import type { HeaderField, ReporterAuthentication } from '../model/index.ts';
import { headerValue, headerValues } from './header-block.ts';

/** Method results in an Authentication-Results value (RFC 8601 §2.2), lower-cased; first result per method. */
export function parseAuthenticationResults(value: string): {
  spf?: string;
  dkim?: string;
  dmarc?: string;
  dkimDomains: string[];
} {
  const withoutComments = value.replace(/\([^()]*\)/g, ' ');
  const result: { spf?: string; dkim?: string; dmarc?: string; dkimDomains: string[] } = { dkimDomains: [] };
  const statements = withoutComments.split(';').slice(1);
  for (const statement of statements) {
    const match = /^\s*(spf|dkim|dmarc)\s*=\s*([a-z]+)/i.exec(statement);
    if (!match) continue;
    const method = match[1]!.toLowerCase() as 'spf' | 'dkim' | 'dmarc';
    const verdict = match[2]!.toLowerCase();
    if (method === 'dkim') {
      if (result.dkim === undefined || (result.dkim !== 'pass' && verdict === 'pass')) result.dkim = verdict;
      const domain =
        /header\.d\s*=\s*([^\s;]+)/i.exec(statement) ?? /header\.i\s*=\s*[^\s@;]*@([^\s;]+)/i.exec(statement);
      if (verdict === 'pass' && domain) result.dkimDomains.push(domain[1]!.toLowerCase());
    } else if (result[method] === undefined) result[method] = verdict;
  }
  return result;
}

/**
 * What the receiving side recorded about a submission: every Authentication-Results field raw (top-most
 * first), the spf/dkim/dmarc verdicts of the top-most one (added last, by our side), and SES's verdicts.
 */
export function reporterAuthentication(headers: readonly HeaderField[]): ReporterAuthentication {
  const all = headerValues(headers, 'authentication-results');
  const top = all[0] === undefined ? { dkimDomains: [] } : parseAuthenticationResults(all[0]);
  const result: { -readonly [K in keyof ReporterAuthentication]: ReporterAuthentication[K] } = {
    authenticationResults: all,
    dkimDomains: top.dkimDomains,
  };
  if (top.spf) result.spf = top.spf;
  if (top.dkim) result.dkim = top.dkim;
  if (top.dmarc) result.dmarc = top.dmarc;
  const spam = headerValue(headers, 'x-ses-spam-verdict');
  if (spam) result.sesSpamVerdict = spam.trim().toUpperCase();
  const virus = headerValue(headers, 'x-ses-virus-verdict');
  if (virus) result.sesVirusVerdict = virus.trim().toUpperCase();
  return result;
}
