import type { ReportedMessage } from '../model/index.ts';
import type { TenantDirectory } from '../ports.ts';
import type { DkimChecks } from './dkim-checks.ts';
import { judgePlatformStamp } from './platform-stamp.ts';
import type { PlatformTrace } from './platform-trace.ts';
import { sentence } from './sentence.ts';
import type { WeighedSignal } from './weighed-signal.ts';

/**
 * Tenant-id header signals (DESIGN §3, rule 1): a copy is proof when the platform vouches for it (see
 * judgePlatformStamp). Two trusted copies that disagree prove nothing.
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
  const judged = copies.map(({ index, value }) => ({ value, ...judgePlatformStamp(index, checks, trace) }));
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
