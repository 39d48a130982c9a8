/**
 * `abuse-intake score TENANT [--json]`: a tenant's score, state, thresholds and why (issue 5 §8).
 * The body takes ScoringDeps, so it runs the same on the data directory and in tests.
 */
import type { Command } from 'commander';
import {
  explainTenant,
  isUnknownTenant,
  reportCount,
  type TenantExplanation,
} from '../../../shared/core/score/explain-tenant.ts';
import type { ScoringDeps } from '../../../shared/core/score/scoring-deps.ts';
import { type DataDirOptions, withDataDirOptions, withLocalServices } from '../with-local-services.ts';

/** The explanation as text: summary, then the top contributors of each dimension. */
export function formatExplanation(explanation: TenantExplanation): string {
  const lines = [explanation.summary, ''];
  if (explanation.probationUntil !== undefined)
    lines.push(`On probation until ${explanation.probationUntil}.`, '');
  if (
    explanation.contributionsSince !== undefined &&
    Object.values(explanation.contributors).some((contributors) => contributors.length > 0)
  )
    lines.push(`Contributors since the lift on ${explanation.contributionsSince}:`, '');
  for (const [dimension, contributors] of Object.entries(explanation.contributors)) {
    if (contributors.length === 0) continue;
    lines.push(`${dimension}:`);
    for (const c of contributors) {
      const registered = c.registered === undefined ? '' : c.registered ? '  registered' : '  NOT registered';
      const duplicates = c.distinct === c.count ? '' : `  ${reportCount(c.count, c.distinct)}`;
      lines.push(
        `  ${c.score.toFixed(3).padStart(9)}  ${String(c.count).padStart(5)}×  ${c.key}${registered}${duplicates}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Exit status when neither the tenant directory nor the score store knows the tenant. */
export const UNKNOWN_TENANT_EXIT_CODE = 1;

/** Explains `tenantId` as text or JSON; `known: false` when nothing knows the tenant (a mistyped id). */
export async function scoreCommand(
  deps: ScoringDeps,
  tenantId: string,
  options: { json?: boolean },
  now: string,
): Promise<{ known: boolean; text: string }> {
  const explanation = await explainTenant(tenantId, deps, now);
  if (isUnknownTenant(explanation))
    return {
      known: false,
      text: `unknown tenant: ${tenantId} (not in the tenant directory, never scored, no reports)\n`,
    };
  return {
    known: true,
    text: options.json ? `${JSON.stringify(explanation, null, 2)}\n` : formatExplanation(explanation),
  };
}

/** Registers `score`. */
export function registerScoreCommand(program: Command): void {
  withDataDirOptions(
    program
      .command('score')
      .description("show a tenant's suspicion score, state, thresholds and top contributing reports")
      .argument('<tenant>', 'tenant id')
      .option('--json', 'print the explanation as JSON'),
  ).action(async (tenantId: string, options: DataDirOptions & { json?: boolean }) => {
    const { known, text } = await withLocalServices(options, (services) =>
      scoreCommand(services.scoring, tenantId, options, new Date().toISOString()),
    );
    if (known) process.stdout.write(text);
    else {
      process.stderr.write(text);
      process.exitCode = UNKNOWN_TENANT_EXIT_CODE;
    }
  });
}
