import type { PolicyOverrides } from '../core/model/index.ts';
import { isRecord, type Parsed } from './query-params.ts';

/** The per-tenant override fields an analyst may set (model/tenant.ts PolicyOverrides). */
const OVERRIDE_FIELDS = [
  'warnThreshold',
  'restrictThreshold',
  'unregisteredDomainThreshold',
  'halfLifeHours',
  'dailySendingVolume',
] as const;

/** Validates policy overrides: known fields only, each a positive finite number; warn below restrict. */
export function parsePolicyOverrides(value: unknown): Parsed<PolicyOverrides> {
  if (!isRecord(value)) return { ok: false, reason: 'overrides must be an object.' };
  const result: Record<string, number> = {};
  for (const [key, raw] of Object.entries(value)) {
    if (!(OVERRIDE_FIELDS as readonly string[]).includes(key)) {
      return {
        ok: false,
        reason: `overrides.${key} is not a policy field; use ${OVERRIDE_FIELDS.join(', ')}.`,
      };
    }
    if (typeof raw !== 'number' || !Number.isFinite(raw) || raw <= 0) {
      return { ok: false, reason: `overrides.${key} must be a positive number.` };
    }
    result[key] = raw;
  }
  const { warnThreshold, restrictThreshold } = result;
  if (warnThreshold !== undefined && restrictThreshold !== undefined && warnThreshold >= restrictThreshold) {
    return { ok: false, reason: 'overrides.warnThreshold must be below overrides.restrictThreshold.' };
  }
  return { ok: true, value: result as PolicyOverrides };
}
