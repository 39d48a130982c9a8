import type { ReportedMessage } from '../model/index.ts';
import type { TenantDirectory } from '../ports.ts';
import { type DkimChecks, platformSignatureCovering, whyNotCovered } from './dkim-checks.ts';
import { sentence } from './sentence.ts';
import type { WeighedSignal } from './weighed-signal.ts';

/** Google's Feedback-ID and RFC 9477's CFBL-Feedback-ID; the latter must be DKIM-covered (RFC 9477 §3.2). */
const FEEDBACK_ID_HEADERS = ['feedback-id', 'cfbl-feedback-id'];

/**
 * Feedback-ID signals: a field covered by a verified platform signature names the tenant whose id is one of
 * its colon-separated parts (Google's `a:b:c:SenderId` layout); uncovered fields are anyone's writing.
 */
export async function feedbackIdSignals(
  message: ReportedMessage,
  checks: DkimChecks,
  directory: TenantDirectory,
): Promise<WeighedSignal[]> {
  const fields = message.headers.flatMap((field, index) =>
    FEEDBACK_ID_HEADERS.includes(field.name.toLowerCase()) ? [{ index, field }] : [],
  );
  return Promise.all(
    fields.map(async ({ index, field }): Promise<WeighedSignal> => {
      const value = field.value.trim();
      const signature = platformSignatureCovering(checks, index);
      if (signature === undefined) {
        const why = whyNotCovered(checks);
        return {
          signal: {
            kind: 'feedback-id',
            value,
            verdict: 'untrusted',
            detail: sentence(`${field.name} is not proof: ${why}`),
          },
        };
      }
      const parts = [...new Set([value, ...value.split(':').map((part) => part.trim())])].filter(
        (p) => p !== '',
      );
      const found = (await Promise.all(parts.map((part) => directory.getTenant(part)))).filter(
        (t) => t !== undefined,
      );
      const ids = [...new Set(found.map((tenant) => tenant.tenantId))];
      const covered = `${field.name} is covered by the verified signature of ${signature.domain}`;
      if (ids.length !== 1) {
        const why = ids.length === 0 ? 'but names no tenant' : `but names ${ids.length} tenants`;
        return {
          signal: { kind: 'feedback-id', value, verdict: 'no-match', detail: sentence(`${covered} ${why}`) },
        };
      }
      return {
        signal: {
          kind: 'feedback-id',
          value,
          verdict: 'proof',
          tenantId: ids[0]!,
          detail: sentence(`${covered} and names tenant ${ids[0]}`),
        },
        strength: 'strong',
      };
    }),
  );
}
