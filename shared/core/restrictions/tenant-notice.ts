import { REMEDIATION_CHECKLIST, SMTP_REPLIES } from '../model/restriction.ts';
import type { TenantNotice } from '../score/ports.ts';
import { REMEDIATION_STEPS } from './remediation.ts';
import type { StandingChange } from './standing.ts';

/** Changes the tenant's admin contact hears about (issue 5 §6). */
export const NOTIFIED_ACTIONS: ReadonlySet<StandingChange['action']> = new Set([
  'warned',
  'restricted',
  'unregistered-restricted',
]);

/** Key of the one notice a committed change may produce: tenant, standing version, action. */
export function noticeKey(tenantId: string, version: number, change: StandingChange): string {
  return `${tenantId}:v${version}:${change.action}`;
}

/** The message for one change: what happened, the SMTP code, the explanation and the remediation steps. */
export function buildNotice(
  tenantId: string,
  to: string,
  version: number,
  change: StandingChange,
  explanation: string,
): TenantNotice {
  const headline =
    change.action === 'warned'
      ? `Warning: abuse reports about tenant ${tenantId} are approaching the restriction threshold`
      : change.action === 'restricted'
        ? `Tenant ${tenantId} is restricted from sending`
        : `Tenant ${tenantId} is blocked from sending from unregistered domains`;
  const code = change.kind === undefined ? undefined : SMTP_REPLIES[change.kind];
  const lines = [
    headline + '.',
    '',
    code === undefined
      ? `If reports continue, outbound mail will be refused with: ${SMTP_REPLIES['tenant-threshold']}`
      : `Outbound mail is refused with: ${code}`,
    `Score ${change.score.toFixed(2)}${change.threshold === undefined ? '' : ` (threshold ${change.threshold.toFixed(2)})`}.`,
    '',
    'Why:',
    explanation,
    '',
    'To have the restriction lifted, confirm each of these steps to the abuse desk:',
    ...REMEDIATION_CHECKLIST.map((item) => `- ${REMEDIATION_STEPS[item]} (${item})`),
  ];
  return {
    key: noticeKey(tenantId, version, change),
    tenantId,
    to,
    subject: headline,
    text: lines.join('\n') + '\n',
  };
}
