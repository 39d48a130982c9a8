import {
  REMEDIATION_CHECKLIST,
  RESTRICTION_KINDS,
  type RemediationItem,
  type RestrictionKind,
} from '../core/model/index.ts';
import { isRecord, type Parsed } from './query-params.ts';

/** A reason long enough to mean something, short enough for an audit line. */
const MIN_REASON_LENGTH = 3;
const MAX_REASON_LENGTH = 2000;

/** What an analyst submits to lift a restriction. */
export interface LiftBody {
  readonly reason: string;
  readonly checklist: readonly RemediationItem[];
  /** Lift only this restriction (5.7.705 or 5.7.750); both when absent. */
  readonly kind?: RestrictionKind;
}

/**
 * Validates a lift body: a reason and every item of Exchange Online's remediation checklist confirmed
 * (issue 5 §3). Every problem is named at once (a short reason and an incomplete checklist in one answer), so the
 * analyst fixes the form in one go.
 */
export function parseLiftBody(body: unknown): Parsed<LiftBody> {
  if (!isRecord(body)) return { ok: false, reason: 'The body must be a JSON object { reason, checklist }.' };
  const problems: string[] = [];
  const reason = typeof body['reason'] === 'string' ? body['reason'].trim() : '';
  if (reason.length < MIN_REASON_LENGTH || reason.length > MAX_REASON_LENGTH)
    problems.push(`reason must be ${MIN_REASON_LENGTH} to ${MAX_REASON_LENGTH} characters.`);
  const raw = body['checklist'];
  if (!Array.isArray(raw) || raw.some((item) => typeof item !== 'string')) {
    problems.push('checklist must be an array of remediation item names.');
  } else {
    const unknown = raw.filter((item) => !(REMEDIATION_CHECKLIST as readonly string[]).includes(item));
    if (unknown.length > 0)
      problems.push(
        `checklist has unknown items (${unknown.join(', ')}); use: ${REMEDIATION_CHECKLIST.join(', ')}.`,
      );
    const missing = REMEDIATION_CHECKLIST.filter((item) => !raw.includes(item));
    if (missing.length > 0) problems.push(`checklist must confirm: ${missing.join(', ')}.`);
  }
  const kind = body['kind'];
  if (kind !== undefined && !(RESTRICTION_KINDS as readonly unknown[]).includes(kind))
    problems.push(`kind must be one of ${RESTRICTION_KINDS.join(', ')}, or absent for both.`);
  if (problems.length > 0) return { ok: false, reason: problems.join(' ') };
  return {
    ok: true,
    value: {
      reason,
      checklist: [...REMEDIATION_CHECKLIST],
      ...(kind ? { kind: kind as RestrictionKind } : {}),
    },
  };
}
