/**
 * `abuse-intake lift TENANT --reason … --checklist a,b,c,d,e --actor NAME [--kind K]`: lifts a restriction after
 * remediation (issue 5 §3); the tenant goes on probation. Every checklist item must be confirmed.
 */
import type { Command } from 'commander';
import {
  REMEDIATION_CHECKLIST,
  RESTRICTION_KINDS,
  type RemediationItem,
  type RestrictionKind,
} from '../../../shared/core/model/index.ts';
import { type LiftOutcome, liftRestriction } from '../../../shared/core/restrictions/lift-restriction.ts';
import { stateWording } from '../../../shared/core/score/explain-tenant.ts';
import type { ScoringDeps } from '../../../shared/core/score/scoring-deps.ts';
import { type DataDirOptions, withDataDirOptions, withLocalServices } from '../with-local-services.ts';

/** Parsed `lift` options. */
export interface LiftOptions {
  readonly reason: string;
  readonly checklist: string;
  readonly actor: string;
  readonly kind?: string;
}

/** Lifts, or explains the refusal; unknown checklist items or kinds are refused by name. */
export async function liftCommand(
  deps: ScoringDeps,
  tenantId: string,
  options: LiftOptions,
  now: string,
): Promise<{ outcome: LiftOutcome | undefined; text: string }> {
  const items = options.checklist
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  const unknown = items.filter((item) => !(REMEDIATION_CHECKLIST as readonly string[]).includes(item));
  if (unknown.length > 0) {
    return {
      outcome: undefined,
      text: `unknown checklist item(s): ${unknown.join(', ')}; expected: ${REMEDIATION_CHECKLIST.join(',')}\n`,
    };
  }
  if (options.kind !== undefined && !(RESTRICTION_KINDS as readonly string[]).includes(options.kind)) {
    return { outcome: undefined, text: `--kind: expected one of ${RESTRICTION_KINDS.join(', ')}\n` };
  }
  const outcome = await liftRestriction(
    {
      tenantId,
      actor: options.actor,
      reason: options.reason,
      checklist: items as RemediationItem[],
      ...(options.kind === undefined ? {} : { kind: options.kind as RestrictionKind }),
    },
    deps,
    now,
  );
  const text = outcome.lifted
    ? `lifted: ${tenantId} is ${stateWording(outcome.standing.state)}` +
      (outcome.standing.probationUntil === undefined ? '' : ` until ${outcome.standing.probationUntil}`) +
      '\n'
    : `not lifted: ${outcome.message}\n`;
  return { outcome, text };
}

/** Registers `lift`. */
export function registerLiftCommand(program: Command): void {
  withDataDirOptions(
    program
      .command('lift')
      .description('lift a restriction after remediation; the tenant goes on probation')
      .argument('<tenant>', 'tenant id')
      .requiredOption('--reason <text>', 'why the restriction can be lifted')
      .requiredOption('--checklist <items>', `comma-separated, all of: ${REMEDIATION_CHECKLIST.join(',')}`)
      .requiredOption('--actor <name>', 'who lifts it (recorded in the audit trail)')
      .option('--kind <kind>', `lift only one kind: ${RESTRICTION_KINDS.join(' or ')}`),
  ).action(async (tenantId: string, options: DataDirOptions & LiftOptions) => {
    const { outcome, text } = await withLocalServices(options, (services) =>
      liftCommand(services.scoring, tenantId, options, new Date().toISOString()),
    );
    if (outcome?.lifted) {
      process.stdout.write(text);
    } else {
      process.stderr.write(text);
      process.exitCode = 1;
    }
  });
}
