import type { ReportedMessage } from '../model/index.ts';
import type { TenantDirectory } from '../ports.ts';
import { type DkimChecks, platformSignatureCovering, whyNotCovered } from './dkim-checks.ts';
import type { PlatformTrace } from './platform-trace.ts';
import { sentence } from './sentence.ts';
import type { WeighedSignal } from './weighed-signal.ts';

/**
 * Tenant-id header signals (DESIGN §3, rule 1): a copy is proof when a verified platform signature covers it,
 * or when it sits below the platform's confirmed outbound hop (the relays strip client-supplied copies, as
 * Exchange Online does for its cross-tenant headers). Two trusted copies that disagree prove nothing.
 */
export async function tenantHeaderSignals(
  message: ReportedMessage,
  headerName: string,
  checks: DkimChecks,
  trace: PlatformTrace,
  directory: TenantDirectory,
): Promise<WeighedSignal[]> {
  const wanted = headerName.toLowerCase();
  const copies = message.headers.flatMap((field, index) =>
    field.name.toLowerCase() === wanted ? [{ index, value: field.value.trim() }] : [],
  );
  const judged = copies.map(({ index, value }) => {
    const signature = platformSignatureCovering(checks, index);
    if (signature) {
      return {
        value,
        trusted: true,
        detail: `covered by a verified DKIM signature of ${signature.domain} (s=${signature.selector})`,
      };
    }
    const belowHop =
      trace.confirmed && trace.outboundHeaderIndex !== undefined && index > trace.outboundHeaderIndex;
    if (belowHop) {
      return {
        value,
        trusted: true,
        detail: `stamped below the platform's confirmed hop by ${trace.outbound?.by}`,
      };
    }
    const hop =
      trace.outbound === undefined
        ? 'no platform hop is present'
        : `the platform hop is not trusted: ${trace.reason}`;
    return { value, trusted: false, detail: `not proof: ${whyNotCovered(checks)}, and ${hop}` };
  });
  const trustedValues = new Set(judged.filter((copy) => copy.trusted).map((copy) => copy.value));
  const agreed = trustedValues.size === 1;
  return Promise.all(
    judged.map(async ({ value, trusted, detail }): Promise<WeighedSignal> => {
      if (!trusted || !agreed) {
        const why = trusted ? `${detail}, but another trusted copy names a different tenant` : detail;
        return {
          signal: {
            kind: 'tenant-header',
            value,
            verdict: 'untrusted',
            detail: sentence(`${headerName} ${why}`),
          },
        };
      }
      const tenant = await directory.getTenant(value);
      return {
        signal: {
          kind: 'tenant-header',
          value,
          verdict: 'proof',
          ...(tenant ? { tenantId: tenant.tenantId } : {}),
          detail: sentence(`${headerName} ${detail}${tenant ? '' : ', but no tenant has this id'}`),
        },
        strength: 'proven',
        ...(tenant ? {} : { unknownTenant: true }),
      };
    }),
  );
}
