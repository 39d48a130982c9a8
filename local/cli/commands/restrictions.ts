/** `abuse-intake restrictions list [--json]` and `restrictions top [--limit N]`: tenants under restriction, by score. */
import type { Command } from 'commander';
import type { ScoringDeps } from '../../../shared/core/score/scoring-deps.ts';
import type { TenantStandingView } from '../../../shared/core/score/standing-view.ts';
import { listRestrictedTenants, topTenants } from '../../../shared/core/score/tenant-queries.ts';
import { type DataDirOptions, withDataDirOptions, withLocalServices } from '../with-local-services.ts';

/** Most tenants listed at once. */
const LIST_LIMIT = 500;

/** One line per tenant: id, state, score/threshold, and each restriction with its code and start. */
export function formatStandings(views: readonly TenantStandingView[], empty: string): string {
  if (views.length === 0) return `${empty}\n`;
  const lines = views.map((view) => {
    const restrictions = view.restrictions
      .map((r) => `${r.smtpReply.slice(4, 11)} since ${r.since}`)
      .join('; ');
    return [
      view.tenantId.padEnd(24),
      view.state.padEnd(10),
      `${view.score.toFixed(2)}/${view.restrictThreshold.toFixed(2)}`.padEnd(14),
      restrictions,
    ]
      .join(' ')
      .trimEnd();
  });
  return `${lines.join('\n')}\n`;
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
      .command('list')
      .description('list tenants with a restriction in force')
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
