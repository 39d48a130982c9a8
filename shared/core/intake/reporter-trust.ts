/**
 * How far a submission's reporter is trusted (DESIGN §4): only verdicts our own receiving side recorded count,
 * i.e. the top-most Authentication-Results field whose authserv-id is one of ours (RFC 8601 §5: fields claiming
 * our authserv-id lower down may have been forged by the sender). SES records its SPF/DKIM/DMARC verdicts the
 * same way, under authserv-id `amazonses.com`, so listing that id in trustedAuthservIds trusts SES's verdicts.
 */

import type { ReporterTrust, Submission } from '../model/index.ts';
import type { PlatformConfig } from '../platform/platform-config.ts';

/** One `method=result` statement of an Authentication-Results value, with its properties (`header.d` …). */
interface MethodResult {
  readonly method: string;
  readonly result: string;
  readonly properties: Readonly<Record<string, string>>;
}

/** The authserv-id and method results of one Authentication-Results value (RFC 8601 §2.2). */
export function readAuthenticationResults(value: string): {
  authservId: string;
  results: MethodResult[];
  envelopeFrom?: string;
} {
  const withoutComments = value.replace(/\([^()]*\)/g, ' ');
  const [head = '', ...statements] = withoutComments.split(';');
  // authserv-id [ CFWS authres-version ]
  const authservId = head.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  const results: MethodResult[] = [];
  for (const statement of statements) {
    const match = /^\s*([a-z0-9-]+)\s*(?:\/\s*\d+\s*)?=\s*([a-z]+)(.*)$/is.exec(statement);
    if (match === null) continue;
    const properties: Record<string, string> = {};
    for (const property of (match[3] ?? '').matchAll(/([a-z0-9-]+\.[a-z0-9-]+)\s*=\s*("[^"]*"|[^\s]+)/gi)) {
      const name = property[1]?.toLowerCase() ?? '';
      if (!(name in properties)) properties[name] = (property[2] ?? '').replace(/^"|"$/g, '').toLowerCase();
    }
    results.push({
      method: (match[1] ?? '').toLowerCase(),
      result: (match[2] ?? '').toLowerCase(),
      properties,
    });
  }
  // SES writes the SPF-checked sender as its own `envelope-from=` clause rather than as smtp.mailfrom.
  const envelopeFrom = /;\s*envelope-from\s*=\s*([^\s;]+)/i.exec(withoutComments)?.[1]?.toLowerCase();
  return { authservId, results, ...(envelopeFrom === undefined ? {} : { envelopeFrom }) };
}

/** The domain part of an address-like property value (`user@d`, `@d` or `d`). */
function domainOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const domain = value.slice(value.lastIndexOf('@') + 1).replace(/\.$/, '');
  return domain === '' ? undefined : domain;
}

/** Relaxed alignment without a public-suffix list: equal, or one a subdomain of the other (RFC 7489 §3.1). */
function aligned(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  return a === b || a.endsWith(`.${b}`) || b.endsWith(`.${a}`);
}

/** Whether `domain` is `feed` or one of its subdomains. */
function isUnder(domain: string, feed: string): boolean {
  const f = feed.toLowerCase().replace(/\.$/, '');
  return domain === f || domain.endsWith(`.${f}`);
}

/** Whether our receiving side authenticated the reporter's domain: DMARC pass, or aligned DKIM or SPF pass. */
export function isReporterAuthenticated(submission: Submission, platform: PlatformConfig): boolean {
  const reporterDomain = submission.reporter.domain?.toLowerCase();
  if (reporterDomain === undefined) return false;
  const topmost = submission.authentication.authenticationResults[0];
  if (topmost === undefined) return false;
  const { authservId, results, envelopeFrom } = readAuthenticationResults(topmost);
  const trusted = platform.trustedAuthservIds.map((id) => id.toLowerCase());
  if (!trusted.includes(authservId)) return false;
  return results.some((r) => {
    if (r.result !== 'pass') return false;
    switch (r.method) {
      case 'dmarc':
        return aligned(domainOf(r.properties['header.from']) ?? reporterDomain, reporterDomain);
      case 'dkim':
        return aligned(domainOf(r.properties['header.d'] ?? r.properties['header.i']), reporterDomain);
      case 'spf':
        return aligned(
          domainOf(r.properties['smtp.mailfrom'] ?? envelopeFrom ?? submission.reporter.envelopeFrom),
          reporterDomain,
        );
      default:
        return false;
    }
  });
}

/**
 * `automated-feed` when an authenticated reporter is one of the platform's known feedback loops,
 * `authenticated-human` when authenticated otherwise, else `unauthenticated`.
 */
export function classifyReporter(submission: Submission, platform: PlatformConfig): ReporterTrust {
  if (!isReporterAuthenticated(submission, platform)) return 'unauthenticated';
  const domain = submission.reporter.domain?.toLowerCase() ?? '';
  return platform.automatedFeeds.some((feed) => isUnder(domain, feed))
    ? 'automated-feed'
    : 'authenticated-human';
}
