import { type SendingDecision, SMTP_REPLIES } from '../model/restriction.ts';
import type { ScoringDeps } from '../score/scoring-deps.ts';
import { isRegistered } from './registered-domain.ts';

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
    if (fromDomain === undefined || !isRegistered(tenant, fromDomain)) {
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
