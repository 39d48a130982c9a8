/**
 * `abuse-intake lift TENANT --reason … --checklist a,b,c,d,e --actor NAME [--kind K]`: lifts a restriction after
 * remediation (issue 5 §3); the tenant goes on probation. Every checklist item must be confirmed.
 */
import type { Command } from 'commander';
import { REMEDIATION_CHECKLIST, RESTRICTION_KINDS } from '../../../shared/core/model/index.ts';
import { type LiftOutcome, liftRestriction } from '../../../shared/core/restrictions/lift-restriction.ts';
import { stateWording } from '../../../shared/core/score/explain-tenant.ts';
import type { ScoringDeps } from '../../../shared/core/score/scoring-deps.ts';
import { parseLiftBody } from '../../../shared/http/lift-request.ts';
import { type DataDirOptions, withDataDirOptions, withLocalServices } from '../with-local-services.ts';

/** Parsed `lift` options. */
export interface LiftOptions {
  readonly reason: string;
  readonly checklist: string;
  readonly actor: string;
  readonly kind?: string;
}

/** Lifts, or explains the refusal naming every problem (unknown or missing checklist items, reason, kind). */
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
  // The API's validation, so both name every problem at once (short reason, unknown or missing items, bad kind).
  const parsed = parseLiftBody({ reason: options.reason, checklist: items, kind: options.kind });
  if (!parsed.ok) return { outcome: undefined, text: `not lifted: ${parsed.reason}\n` };
  const outcome = await liftRestriction(
    {
      tenantId,
      actor: options.actor,
      ...parsed.value,
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
