/** `abuse-intake policy show [--tenant ID] [--format yaml|json]`: the scoring policy in force, as data. */
import type { Command } from 'commander';
import { stringify as stringifyYaml } from 'yaml';
import type { ScoringDeps } from '../../../shared/core/score/scoring-deps.ts';
import { tenantPolicy } from '../../../shared/core/score/tenant-policy.ts';
import { type DataDirOptions, withDataDirOptions, withLocalServices } from '../with-local-services.ts';

/** The platform policy, or one tenant's (its overrides applied), as YAML or JSON. */
export async function showPolicyCommand(
  deps: ScoringDeps,
  options: { tenant?: string; format: 'yaml' | 'json' },
): Promise<string> {
  const policy =
    options.tenant === undefined ? deps.policy : (await tenantPolicy(options.tenant, deps)).policy;
  return options.format === 'json' ? `${JSON.stringify(policy, null, 2)}\n` : stringifyYaml(policy);
}

/** Registers `policy show`. */
export function registerPolicyCommand(program: Command): void {
  const group = program.command('policy').description('the scoring policy (README "Scoring policy")');
  withDataDirOptions(
    group
      .command('show')
      .description('print the policy in force, with its defaults')
      .option('--tenant <id>', "apply this tenant's overrides")
      .option('--format <format>', 'yaml or json', 'yaml'),
  ).action(async (options: DataDirOptions & { tenant?: string; format: string }) => {
    if (options.format !== 'yaml' && options.format !== 'json')
      throw new Error('--format: expected yaml or json');
    const format = options.format;
    const text = await withLocalServices(options, (services) =>
      showPolicyCommand(services.scoring, {
        ...(options.tenant === undefined ? {} : { tenant: options.tenant }),
        format,
      }),
    );
    process.stdout.write(text);
  });
}
