/**
 * The deployment's typed configuration, read from CDK context (`cdk.json` or `-c key=value`). Every key has a
 * default so `npm run synth` works on a fresh clone with no context and no AWS account.
 */

import { type ApiAuthConfig, readApiAuth } from './api-auth-config.ts';

/** One DKIM key the platform signs outbound mail with (mirrors PlatformSigningKey of shared/core/platform). */
export interface SigningKeyConfig {
  readonly domain: string;
  readonly selector: string;
  /** PEM or the DNS `p=` base64 value. */
  readonly publicKey: string;
}

/** Everything the stacks need to know about one deployment. */
export interface AppConfig {
  /** Deployment stage, part of the stack names (`AbuseIntake-<stage>-Data`). */
  readonly stage: string;
  /** The SES-verified domain whose MX points at SES and that sends notifications. */
  readonly domain: string;
  /** Reporting addresses SES accepts (e.g. `junk@abuse.example.com`); each in `domain` or a subdomain. */
  readonly reportingAddresses: readonly string[];
  /** The platform's DKIM signing keys: they prove the tenant header (DESIGN §3). */
  readonly signingKeys: readonly SigningKeyConfig[];
  /** Header the platform's outbound relay stamps with the tenant id. */
  readonly tenantHeader: string;
  readonly relayHosts: readonly string[];
  readonly relayIps: readonly string[];
  readonly trustedAuthservIds: readonly string[];
  readonly automatedFeeds: readonly string[];
  /** Days raw mail, submissions and reports are kept (S3 lifecycle and DynamoDB TTL). */
  readonly retentionDays: number;
  /** Where CloudWatch alarms are e-mailed; none means the topic has no subscription yet. */
  readonly alarmEmail: string | undefined;
  /** Sender of tenant notifications; must be in `domain`. */
  readonly notificationsFrom: string;
  /** Activate the receipt rule set on deploy (replaces the account's active rule set in the region). */
  readonly activateRuleSet: boolean;
  /** IAM role names whose sessions may lift restrictions and change policy through the API (role `manage`). */
  readonly apiManageRoles: readonly string[];
  /** Which authorizer proves API callers: IAM (SigV4, the default) or a JWT issuer (api-auth-config.ts). */
  readonly apiAuth: ApiAuthConfig;
}

/** A context value that cannot be used; the message names the key and the fix. */
export class AppConfigError extends Error {
  override name = 'AppConfigError';
}

/** Context keys the app reads, so README, tests and validation agree on the spelling. */
export const CONTEXT_KEYS = [
  'stage',
  'domain',
  'reportingAddresses',
  'signingKeys',
  'tenantHeader',
  'relayHosts',
  'relayIps',
  'trustedAuthservIds',
  'automatedFeeds',
  'retentionDays',
  'alarmEmail',
  'notificationsFrom',
  'activateRuleSet',
  'apiManageRoles',
  'apiAuth',
] as const;
export type ContextKey = (typeof CONTEXT_KEYS)[number];

/** Placeholder domain (RFC 2606 reserved) so synth works before an operator picks theirs. */
const DEFAULT_DOMAIN = 'abuse.example.com';
/**
 * On AWS our receiving side is SES, which stamps Authentication-Results with this authserv-id (RFC 8601 §2.5),
 * so by default reporter trust believes SES's SPF/DKIM/DMARC verdicts and nobody else's.
 */
const SES_AUTHSERV_ID = 'amazonses.com';
/** Three months: long enough to investigate a tenant's history, short enough to limit personal data held. */
const DEFAULT_RETENTION_DAYS = 90;
/** DynamoDB TTL and S3 lifecycle both accept days; ten years is a sanity bound, not a policy. */
const MAX_RETENTION_DAYS = 3650;
const HOSTNAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const ADDRESS = /^[a-z0-9._%+-]{1,64}@([a-z0-9.-]+)$/;
const STAGE = /^[a-z][a-z0-9-]{0,15}$/;
const HEADER_NAME = /^[A-Za-z0-9-]{1,76}$/;
/** IAM role names: 1-64 of these characters (IAM quotas and name requirements). */
const IAM_ROLE_NAME = /^[\w+=,.@-]{1,64}$/;

/** Reads and validates the context; `get` is `(key) => app.node.tryGetContext(key)`. */
export function readAppConfig(get: (key: ContextKey) => unknown): AppConfig {
  const stage = text(get, 'stage', 'dev');
  if (!STAGE.test(stage)) {
    fail('stage', `"${stage}" must be 1-16 lower-case letters, digits or dashes, starting with a letter`);
  }
  const domain = text(get, 'domain', DEFAULT_DOMAIN).toLowerCase();
  if (!HOSTNAME.test(domain)) fail('domain', `"${domain}" is not a DNS name like abuse.example.com`);
  const reportingAddresses = list(get, 'reportingAddresses', [`junk@${domain}`]).map((a) =>
    addressIn('reportingAddresses', a, domain),
  );
  if (reportingAddresses.length === 0) fail('reportingAddresses', 'give at least one address');
  const tenantHeader = text(get, 'tenantHeader', 'X-Tenant-Id');
  if (!HEADER_NAME.test(tenantHeader)) fail('tenantHeader', `"${tenantHeader}" is not a header field name`);
  const retentionDays = integer(get, 'retentionDays', DEFAULT_RETENTION_DAYS);
  if (retentionDays < 1 || retentionDays > MAX_RETENTION_DAYS) {
    fail('retentionDays', `${retentionDays} must be between 1 and ${MAX_RETENTION_DAYS}`);
  }
  const alarmEmailRaw = get('alarmEmail');
  const alarmEmail =
    alarmEmailRaw === undefined || alarmEmailRaw === ''
      ? undefined
      : address('alarmEmail', String(alarmEmailRaw));
  const apiManageRoles = list(get, 'apiManageRoles', []).map((role) => {
    if (!IAM_ROLE_NAME.test(role)) fail('apiManageRoles', `"${role}" is not an IAM role name`);
    return role;
  });
  const apiAuth = readApiAuth(get('apiAuth'), (problem) => fail('apiAuth', problem));
  if (apiAuth.type === 'jwt' && apiManageRoles.length > 0) {
    fail('apiManageRoles', 'applies to IAM callers only; with apiAuth jwt give "manageValues" in apiAuth');
  }
  return {
    stage,
    domain,
    reportingAddresses,
    signingKeys: signingKeys(get('signingKeys')),
    tenantHeader,
    relayHosts: list(get, 'relayHosts', []),
    relayIps: list(get, 'relayIps', []),
    trustedAuthservIds: list(get, 'trustedAuthservIds', [SES_AUTHSERV_ID]),
    automatedFeeds: list(get, 'automatedFeeds', []),
    retentionDays,
    alarmEmail,
    notificationsFrom: addressIn(
      'notificationsFrom',
      text(get, 'notificationsFrom', `notifications@${domain}`),
      domain,
    ),
    activateRuleSet: flag(get, 'activateRuleSet', false),
    apiManageRoles,
    apiAuth,
  };
}

function fail(key: ContextKey, problem: string): never {
  throw new AppConfigError(`context "${key}": ${problem} (set it with -c ${key}=… or in cdk.json "context")`);
}

function text(get: (key: ContextKey) => unknown, key: ContextKey, fallback: string): string {
  const value = get(key);
  if (value === undefined || value === '') return fallback;
  if (typeof value !== 'string') fail(key, 'must be a string');
  return value.trim();
}

function integer(get: (key: ContextKey) => unknown, key: ContextKey, fallback: number): number {
  const value = get(key);
  if (value === undefined || value === '') return fallback;
  const number = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(number)) fail(key, `"${String(value)}" must be a whole number`);
  return number;
}

function flag(get: (key: ContextKey) => unknown, key: ContextKey, fallback: boolean): boolean {
  const value = get(key);
  if (value === undefined || value === '') return fallback;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  return fail(key, 'must be true or false');
}

/** Accepts a JSON array (from cdk.json or `-c k='["a","b"]'`) or a comma-separated string. */
function list(get: (key: ContextKey) => unknown, key: ContextKey, fallback: readonly string[]): string[] {
  const value = parseJsonString(get(key));
  if (value === undefined || value === '') return [...fallback];
  const items = typeof value === 'string' ? value.split(',') : value;
  if (!Array.isArray(items) || items.some((item) => typeof item !== 'string')) {
    fail(key, 'must be a list of strings (JSON array or comma-separated)');
  }
  return (items as string[]).map((item) => item.trim()).filter((item) => item !== '');
}

function signingKeys(raw: unknown): SigningKeyConfig[] {
  const value = parseJsonString(raw);
  if (value === undefined || value === '') return [];
  if (!Array.isArray(value)) fail('signingKeys', 'must be a JSON array of {domain, selector, publicKey}');
  return value.map((item: unknown, index) => {
    const key = item as Partial<SigningKeyConfig> | null;
    if (
      typeof key?.domain !== 'string' ||
      !HOSTNAME.test(key.domain.toLowerCase()) ||
      typeof key.selector !== 'string' ||
      key.selector === '' ||
      typeof key.publicKey !== 'string' ||
      key.publicKey === ''
    ) {
      fail('signingKeys', `entry ${index} needs a DNS domain, a selector and a publicKey`);
    }
    return { domain: key.domain.toLowerCase(), selector: key.selector, publicKey: key.publicKey };
  });
}

function parseJsonString(value: unknown): unknown {
  if (typeof value !== 'string' || !/^\s*[[{]/.test(value)) return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

function address(key: ContextKey, value: string): string {
  const lower = value.trim().toLowerCase();
  if (!ADDRESS.test(lower)) fail(key, `"${value}" is not an e-mail address`);
  return lower;
}

function addressIn(key: ContextKey, value: string, domain: string): string {
  const lower = address(key, value);
  const addressDomain = lower.slice(lower.indexOf('@') + 1);
  if (addressDomain !== domain && !addressDomain.endsWith(`.${domain}`)) {
    fail(key, `"${value}" must be in ${domain} (SES receives and sends only for the verified domain)`);
  }
  return lower;
}
