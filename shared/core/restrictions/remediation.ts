import type { RemediationItem } from '../model/restriction.ts';

/** What each item of REMEDIATION_CHECKLIST asks of the tenant (Exchange Online's guidance for 5.7.705/5.7.750). */
export const REMEDIATION_STEPS: Readonly<Record<RemediationItem, string>> = {
  'accepted-domains-registered': 'Register every domain you send from as an accepted domain.',
  'connectors-reviewed': 'Review your outbound connectors and remove any you did not create.',
  'compromised-accounts-secured': 'Reset the passwords of compromised accounts and revoke their sessions.',
  'admin-mfa-enabled': 'Turn on multi-factor authentication for every administrator.',
  'on-premises-servers-locked-down': 'Lock down on-premises mail servers so they cannot relay for others.',
};
