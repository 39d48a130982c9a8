/** `abuse-intake restrictions list [--json]` and `restrictions top [--limit N]`: tenants under restriction, by score. */
import type { Command } from 'commander';
import type { ScoringDeps } from '../../../shared/core/score/scoring-deps.ts';
import { RESTRICTION_LABELS, type TenantStandingView } from '../../../shared/core/score/standing-view.ts';
import { listRestrictedTenants, topTenants } from '../../../shared/core/score/tenant-queries.ts';
import { type DataDirOptions, withDataDirOptions, withLocalServices } from '../with-local-services.ts';

/** Most tenants listed at once. */
const LIST_LIMIT = 500;

/** Column widths of the standings table. */
const WIDTHS = { tenant: 24, state: 10, score: 14 } as const;

function row(tenant: string, state: string, score: string, restrictions: string): string {
  return [tenant.padEnd(WIDTHS.tenant), state.padEnd(WIDTHS.state), score.padEnd(WIDTHS.score), restrictions]
    .join(' ')
    .trimEnd();
}

/**
 * A header row, then one line per tenant: id, state, score/threshold, and each restriction in force with its code,
 * name and start (a 5.7.750 block shows beside any state, e.g. `warned` + `5.7.750 unregistered domains`).
 */
export function formatStandings(views: readonly TenantStandingView[], empty: string): string {
  if (views.length === 0) return `${empty}\n`;
  const lines = views.map((view) =>
    row(
      view.tenantId,
      view.state,
      `${view.score.toFixed(2)}/${view.restrictThreshold.toFixed(2)}`,
      view.restrictions.map((r) => `${RESTRICTION_LABELS[r.kind]} since ${r.since}`).join('; '),
    ),
  );
  return `${[row('TENANT', 'STATE', 'SCORE/LIMIT', 'RESTRICTIONS IN FORCE'), ...lines].join('\n')}\n`;
}

/** The restricted tenants, as text or JSON. */
export async function listRestrictionsCommand(
  deps: ScoringDeps,
  json: boolean,
  now: string,
): Promise<string> {
  const { items } = await listRestrictedTenants(deps, now, { limit: LIST_LIMIT });
  return json ? `${JSON.stringify(items, null, 2)}\n` : formatStandings(items, 'no tenant is restricted');
}

/** The highest-scoring tenants, as text or JSON. */
export async function topTenantsCommand(
  deps: ScoringDeps,
  limit: number,
  json: boolean,
  now: string,
): Promise<string> {
  const views = await topTenants(deps, limit, now);
  return json ? `${JSON.stringify(views, null, 2)}\n` : formatStandings(views, 'no tenant has a score');
}

/** Registers `restrictions list` and `restrictions top`. */
export function registerRestrictionsCommand(program: Command): void {
  const group = program.command('restrictions').description('tenants under restriction (5.7.705, 5.7.750)');
  withDataDirOptions(
    group
      // The default, so `abuse-intake restrictions [--data-dir …]` lists them too.
      .command('list', { isDefault: true })
      .description('list tenants with a restriction in force (the default)')
      .option('--json', 'print JSON'),
  ).action(async (options: DataDirOptions & { json?: boolean }) => {
    const text = await withLocalServices(options, (services) =>
      listRestrictionsCommand(services.scoring, options.json === true, new Date().toISOString()),
    );
    process.stdout.write(text);
  });
  withDataDirOptions(
    group
      .command('top')
      .description('list tenants by current score, highest first')
      .option('--limit <n>', 'how many', '20')
      .option('--json', 'print JSON'),
  ).action(async (options: DataDirOptions & { json?: boolean; limit: string }) => {
    const limit = Number.parseInt(options.limit, 10);
    if (!(limit > 0)) throw new Error('--limit: expected a positive whole number');
    const text = await withLocalServices(options, (services) =>
      topTenantsCommand(services.scoring, limit, options.json === true, new Date().toISOString()),
    );
    process.stdout.write(text);
  });
}
