import type { ReportedMessage } from '../model/index.ts';
import type { TenantDirectory } from '../ports.ts';
import { ownerOfDomain } from './directory-lookup.ts';
import type { DkimChecks } from './dkim-checks.ts';
import type { DkimCheck } from './dkim-verify.ts';
import { sentence } from './sentence.ts';
import type { WeighedSignal } from './weighed-signal.ts';

/**
 * DKIM d= signals (DESIGN §3, rule 3): a verified signature of an accepted domain is strong, one that could
 * not be checked is weak, and one that fails is discarded.
 */
export async function dkimDomainSignals(
  checks: DkimChecks,
  directory: TenantDirectory,
): Promise<WeighedSignal[]> {
  return Promise.all(
    checks.all
      .filter((check) => check.domain !== '')
      .map(async (check): Promise<WeighedSignal> => {
        const value = check.domain;
        if (checks.platformDomains.has(value)) {
          const what = `DKIM d=${value} is the platform's signing domain (${check.result}); it proves only the fields in h=`;
          return { signal: { kind: 'dkim-domain', value, verdict: 'no-match', detail: sentence(what) } };
        }
        const owner = await ownerOfDomain(directory, value);
        if (owner === undefined) {
          return {
            signal: {
              kind: 'dkim-domain',
              value,
              verdict: 'no-match',
              detail: sentence(`DKIM d=${value} is no tenant's accepted domain`),
            },
          };
        }
        const tenantId = owner.tenant.tenantId;
        const names = `DKIM d=${value} is an accepted domain of tenant ${tenantId}`;
        return dkimVerdict(check, tenantId, names);
      }),
  );
}

function dkimVerdict(check: DkimCheck, tenantId: string, names: string): WeighedSignal {
  const value = check.domain;
  switch (check.result) {
    case 'pass':
    case 'header-pass':
      return {
        signal: {
          kind: 'dkim-domain',
          value,
          verdict: 'proof',
          tenantId,
          detail: sentence(`${names} and the signature ${check.reason}`),
        },
        strength: 'strong',
      };
    case 'no-key':
      return {
        signal: {
          kind: 'dkim-domain',
          value,
          verdict: 'supports',
          tenantId,
          detail: sentence(`${names}, unverified: ${check.reason}`),
        },
        strength: 'weak',
      };
    default:
      return {
        signal: {
          kind: 'dkim-domain',
          value,
          verdict: 'untrusted',
          detail: sentence(`${names}, but ${check.reason}`),
        },
      };
  }
}

/**
 * Envelope (Return-Path, ARF Original-Mail-From) and From domains (DESIGN §3, rule 4): anyone can write them,
 * so a match only ever supports a tenant, weakly.
 */
export async function senderDomainSignals(
  message: ReportedMessage,
  directory: TenantDirectory,
): Promise<WeighedSignal[]> {
  const envelope = [message.returnPath?.domain, domainOf(message.feedback.originalMailFrom)];
  const candidates = [
    ...[...new Set(envelope)].map((domain) => ({ kind: 'envelope-domain' as const, domain })),
    { kind: 'from-domain' as const, domain: message.from?.domain },
  ];
  const signals: WeighedSignal[] = [];
  for (const { kind, domain } of candidates) {
    if (domain === undefined || domain === '') continue;
    const owner = await ownerOfDomain(directory, domain);
    const field = kind === 'from-domain' ? 'From' : 'envelope sender';
    if (owner === undefined) {
      signals.push({
        signal: {
          kind,
          value: domain,
          verdict: 'no-match',
          detail: sentence(`The ${field} domain ${domain} is no tenant's accepted domain`),
        },
      });
      continue;
    }
    const tenantId = owner.tenant.tenantId;
    const detail = sentence(
      `The ${field} domain ${domain} is accepted by tenant ${tenantId}, but anyone can write it`,
    );
    signals.push({
      signal: { kind, value: domain, verdict: 'supports', tenantId, detail },
      strength: 'weak',
    });
  }
  return signals;
}

/** The lower-cased domain of an address as written in a header (`<a@b.example>` → `b.example`). */
export function domainOf(address: string | undefined): string | undefined {
  const text = address?.trim().replace(/^<|>$/g, '');
  const at = text?.lastIndexOf('@') ?? -1;
  if (text === undefined || at < 0) return undefined;
  const domain = text
    .slice(at + 1)
    .toLowerCase()
    .replace(/\.$/, '');
  return domain === '' ? undefined : domain;
}
