import {
  type Attribution,
  type AttributionConfidence,
  type AttributionEvidence,
  SIGNAL_KINDS,
  type Tenant,
} from '../model/index.ts';
import { domainMatches } from '../tenants/domain-matches.ts';
import { STRENGTH_ORDER, type WeighedSignal } from './weighed-signal.ts';

/** Inputs of the decision: every signal found, the evidence and the sending domains to check. */
export interface DecisionInput {
  readonly signals: readonly WeighedSignal[];
  readonly evidence: AttributionEvidence;
  /** From and envelope domains, for the unregistered-domain relay check. */
  readonly sendingDomains: readonly string[];
  /** Whether the message had anything to attribute on at all. */
  readonly hasHeaders: boolean;
  readonly getTenant: (tenantId: string) => Promise<Tenant | undefined>;
}

/**
 * Resolves the signals by strength (DESIGN §3): the strongest level naming a tenant decides; two tenants named
 * at that level is a conflict; weaker signals naming others are recorded as overruled, never dropped.
 */
export async function decideAttribution(input: DecisionInput): Promise<Attribution> {
  const signals = input.signals.map((weighed) => weighed.signal);
  const base = { signals, evidence: input.evidence };
  const unknown = input.signals.find((weighed) => weighed.unknownTenant);
  if (unknown !== undefined) {
    const explanation = `Unattributed (unknown tenant): ${unknown.signal.detail}`;
    return { outcome: 'unattributed', reason: 'unknown-tenant', ...base, explanation };
  }
  for (const strength of STRENGTH_ORDER) {
    const naming = input.signals.filter(
      (weighed) => weighed.strength === strength && weighed.signal.tenantId,
    );
    if (naming.length === 0) continue;
    const tenantIds = [...new Set(naming.map((weighed) => weighed.signal.tenantId!))];
    if (tenantIds.length > 1) {
      const who = naming.map((w) => `${w.signal.kind} names ${w.signal.tenantId}`).join('; ');
      const explanation = `Unattributed (conflict): ${strength} signals name different tenants (${who}); none is stronger.`;
      return { outcome: 'unattributed', reason: 'conflict', ...base, explanation };
    }
    const tenantId = tenantIds[0]!;
    const deciding = [...naming].sort((a, b) => rank(a) - rank(b))[0]!;
    const tenant = await input.getTenant(tenantId);
    const unregisteredDomains =
      strength === 'weak' || tenant === undefined
        ? []
        : input.sendingDomains.filter(
            (domain) => !tenant.acceptedDomains.some((accepted) => domainMatches(accepted, domain)),
          );
    const overruled = input.signals.filter((w) => w.strength !== undefined && w.signal.tenantId !== tenantId);
    return {
      outcome: 'attributed',
      tenantId,
      confidence: strength,
      decidingSignal: deciding.signal.kind,
      restrictCapable: strength !== 'weak',
      unregisteredDomainRelay: unregisteredDomains.length > 0,
      unregisteredDomains,
      ...base,
      explanation: explain(tenantId, strength, deciding, overruled, unregisteredDomains, input.signals),
    };
  }
  const reason = input.hasHeaders ? 'not-our-mail' : 'headers-missing';
  const explanation =
    reason === 'not-our-mail'
      ? 'Unattributed (not our mail): no trustworthy platform signal and no accepted domain of any tenant was found.' +
        discarded(input.signals)
      : 'Unattributed (headers missing): the reported message carries no header to attribute on.';
  return { outcome: 'unattributed', reason, ...base, explanation };
}

/** Signals thrown out as forged or unverifiable, named so analysts see framing attempts. */
function discarded(signals: readonly WeighedSignal[]): string {
  const untrusted = signals.filter((w) => w.signal.verdict === 'untrusted');
  if (untrusted.length === 0) return '';
  return ` Discarded as untrusted: ${untrusted.map((w) => `${w.signal.kind} ${w.signal.value}`).join(', ')}.`;
}

function rank(weighed: WeighedSignal): number {
  return SIGNAL_KINDS.indexOf(weighed.signal.kind);
}

function explain(
  tenantId: string,
  strength: AttributionConfidence,
  deciding: WeighedSignal,
  overruled: readonly WeighedSignal[],
  unregistered: readonly string[],
  signals: readonly WeighedSignal[],
): string {
  const parts = [
    `Attributed to tenant ${tenantId} (${strength}) by ${deciding.signal.kind}: ${deciding.signal.detail}`,
  ];
  if (strength === 'weak')
    parts.push('Only forgeable evidence names this tenant, so the report cannot restrict it.');
  for (const other of overruled) {
    parts.push(
      `Overruled: ${other.signal.kind} names ${other.signal.tenantId} (${other.strength}), weaker than ${strength}.`,
    );
  }
  if (unregistered.length > 0) {
    parts.push(
      `Unregistered-domain relay: ${unregistered.join(', ')} not among the tenant's accepted domains.`,
    );
  }
  return parts.join(' ') + discarded(signals);
}
