import { type SendingDecision, SMTP_REPLIES } from '../model/restriction.ts';
import type { ScoringDeps } from '../score/scoring-deps.ts';
import { isRegistered } from './registered-domain.ts';

/** What the HTTP sending-status route and the CLI `check` both answer: the decision with the domain it judged. */
export type SendingStatus = SendingDecision & {
  readonly tenantId: string;
  /** The normalized From domain, or null when none was given. */
  readonly fromDomain: string | null;
};

/**
 * A From domain as given by the MTA or an operator, normalized: blanks and one trailing dot (the root, RFC 1034
 * §3.1) removed, lower-cased (domain names compare case-insensitively, RFC 4343); empty means not given.
 */
export function normalizeFromDomain(raw: string | undefined): string | undefined {
  const domain = raw?.trim().replace(/\.$/, '').toLowerCase();
  return domain === '' ? undefined : domain;
}

/**
 * The one code path of the sending-status route and the CLI `check`: normalizes the From domain, then decides.
 * `check` is the decision function (checkSending bound to its stores).
 */
export async function sendingStatus(
  tenantId: string,
  rawFromDomain: string | undefined,
  check: (tenantId: string, fromDomain: string | undefined) => Promise<SendingDecision>,
): Promise<SendingStatus> {
  const fromDomain = normalizeFromDomain(rawFromDomain);
  return { tenantId, fromDomain: fromDomain ?? null, ...(await check(tenantId, fromDomain)) };
}

/**
 * The outbound MTA's question (issue 5 §4): may `tenantId` send from `fromDomain` now? A tenant we hold no standing
 * for is allowed (state active): the MTA must not refuse mail because of our ignorance. 5.7.705 refuses all mail;
 * 5.7.750 refuses mail from domains the tenant has not registered, and mail whose From domain is not given (it
 * cannot be shown to be registered).
 */
export async function checkSending(
  tenantId: string,
  fromDomain: string | undefined,
  deps: Pick<ScoringDeps, 'standings' | 'directory'>,
  _now: string,
): Promise<SendingDecision> {
  const domain = normalizeFromDomain(fromDomain);
  const standing = await deps.standings.getStanding(tenantId);
  if (standing === undefined) return { allowed: true, state: 'active' };
  if (standing.state === 'restricted') {
    return {
      allowed: false,
      state: standing.state,
      kind: 'tenant-threshold',
      smtpReply: SMTP_REPLIES['tenant-threshold'],
    };
  }
  if (standing.unregisteredRestriction !== undefined) {
    const tenant = await deps.directory.getTenant(tenantId);
    if (domain === undefined || !isRegistered(tenant, domain)) {
      return {
        allowed: false,
        state: standing.state,
        kind: 'unregistered-domains',
        smtpReply: SMTP_REPLIES['unregistered-domains'],
      };
    }
  }
  return { allowed: true, state: standing.state };
}
