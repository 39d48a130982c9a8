import type { PolicyOverrides } from '../model/index.ts';
import { TenantValidationError } from './tenant-validation-error.ts';

/** The fields of PolicyOverrides (model/tenant.ts) a tenant may override. */
export const POLICY_OVERRIDE_FIELDS = [
  'warnThreshold',
  'restrictThreshold',
  'unregisteredDomainThreshold',
  'halfLifeHours',
  'dailySendingVolume',
] as const;

/**
 * Validates per-tenant overrides: known fields only, each a positive finite number, warn below restrict.
 * Undefined/null means none; throws TenantValidationError naming `policy.<field>`.
 */
export function validatePolicyOverrides(value: unknown): PolicyOverrides | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new TenantValidationError('policy', 'expected an object of overrides');
  }
  const policy: Record<string, number> = {};
  for (const [key, number] of Object.entries(value)) {
    if (!(POLICY_OVERRIDE_FIELDS as readonly string[]).includes(key)) {
      throw new TenantValidationError(
        `policy.${key}`,
        `unknown override; allowed: ${POLICY_OVERRIDE_FIELDS.join(', ')}`,
      );
    }
    if (typeof number !== 'number' || !Number.isFinite(number) || number <= 0) {
      throw new TenantValidationError(`policy.${key}`, 'expected a positive number');
    }
    policy[key] = number;
  }
  const { warnThreshold: warn, restrictThreshold: restrict } = policy;
  if (warn !== undefined && restrict !== undefined && warn >= restrict) {
    throw new TenantValidationError(
      'policy.warnThreshold',
      `${warn} is not below restrictThreshold ${restrict}`,
    );
  }
  return policy as PolicyOverrides;
}
