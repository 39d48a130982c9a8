import type { AuditEntry } from '../model/restriction.ts';
import { explainTenant } from '../score/explain-tenant.ts';
import type { ScoringDeps } from '../score/scoring-deps.ts';
import type { PendingEffects, TenantStanding } from './standing.ts';
import { buildNotice, NOTIFIED_ACTIONS, noticeKey } from './tenant-notice.ts';

/** Audit entry id of change `index` committed with `version`: a retry writes the same entry again. */
export function auditEntryId(version: number, index: number): string {
  return `v${String(version).padStart(10, '0')}-${index}`;
}

/** The audit entries of committed changes. */
export function auditEntries(tenantId: string, pending: PendingEffects): AuditEntry[] {
  return pending.changes.map((change) => ({
    tenantId,
    at: pending.at,
    actor: pending.actor,
    action: change.action,
    reason: pending.reason,
    details: {
      from: change.from,
      to: change.to,
      score: change.score,
      version: pending.version,
      ...(change.kind === undefined ? {} : { kind: change.kind }),
      ...(change.threshold === undefined ? {} : { threshold: change.threshold }),
      ...(pending.details ?? {}),
    },
  }));
}

/**
 * Finishes a committed change: audit entries (idempotent by id), at most one notice per change (claimed in the
 * ledger before sending; released if the send fails so a retry sends it), then clears `pending` if nobody moved
 * the standing on meanwhile. Safe to run twice and from several workers.
 */
export async function completeEffects(
  standing: TenantStanding,
  deps: ScoringDeps,
  now: string,
): Promise<void> {
  const pending = standing.pending;
  if (pending === undefined) return;
  const entries = auditEntries(standing.tenantId, pending);
  for (const [index, entry] of entries.entries()) {
    await deps.audit.append(entry, auditEntryId(pending.version, index));
  }
  const notified = pending.changes.filter((change) => NOTIFIED_ACTIONS.has(change.action));
  if (notified.length > 0) {
    const tenant = await deps.directory.getTenant(standing.tenantId);
    const to = tenant?.adminContact;
    if (to !== undefined) {
      const explanation = (await explainTenant(standing.tenantId, deps, now)).summary;
      for (const change of notified) {
        const key = noticeKey(standing.tenantId, pending.version, change);
        if (!(await deps.standings.claimNotice(key, standing.tenantId, now))) continue;
        try {
          await deps.notifier.send(buildNotice(standing.tenantId, to, pending.version, change, explanation));
        } catch (error) {
          await deps.standings.releaseNotice(key, standing.tenantId);
          throw error;
        }
      }
    }
  }
  const { pending: _done, ...rest } = standing;
  await deps.standings.putStanding(rest, standing.version);
}
