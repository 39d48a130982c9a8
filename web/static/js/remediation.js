/** Exchange Online's remediation checklist (mirrors shared/core/restrictions/remediation.ts); all five must be confirmed. */
export const REMEDIATION_STEPS = [
  [
    'accepted-domains-registered',
    'Accepted domains registered',
    'Every domain the tenant sends from is registered as an accepted domain.',
  ],
  [
    'connectors-reviewed',
    'Connectors reviewed',
    'Outbound connectors reviewed; any the tenant did not create removed.',
  ],
  [
    'compromised-accounts-secured',
    'Compromised accounts secured',
    'Passwords of compromised accounts reset and their sessions revoked.',
  ],
  ['admin-mfa-enabled', 'Admin MFA on', 'Multi-factor authentication on for every administrator.'],
  [
    'on-premises-servers-locked-down',
    'On-premises servers locked down',
    'On-premises mail servers cannot relay for others.',
  ],
];
