/**
 * `abuse-intake check TENANT [--from-domain D]`: the answer the outbound MTA gets (issue 5 §4). Prints the SMTP
 * reply when refused (exit status 2) or `allowed (state)` (exit status 0).
 */
import type { Command } from 'commander';
import {
  checkSending,
  type SendingStatus,
  sendingStatus,
} from '../../../shared/core/restrictions/check-sending.ts';
import type { ScoringDeps } from '../../../shared/core/score/scoring-deps.ts';
import { type DataDirOptions, withDataDirOptions, withLocalServices } from '../with-local-services.ts';

/** Exit status of a refused check, so scripts can tell it from an error (1). */
export const REFUSED_EXIT_CODE = 2;

/**
 * The decision (the HTTP sending-status body: same code path, same answer) and its one-line text. Without a From
 * domain a 5.7.750 block refuses, as over HTTP.
 */
export async function checkCommand(
  deps: ScoringDeps,
  tenantId: string,
  fromDomain: string | undefined,
  now: string,
): Promise<{ decision: SendingStatus; text: string }> {
  const decision = await sendingStatus(tenantId, fromDomain, (id, domain) =>
    checkSending(id, domain, deps, now),
  );
  const text = decision.allowed ? `allowed (${decision.state})` : decision.smtpReply;
  return { decision, text: `${text}\n` };
}

/** Registers `check`. */
export function registerCheckCommand(program: Command): void {
  withDataDirOptions(
    program
      .command('check')
      .description('answer as the outbound MTA would: may TENANT send from the domain now?')
      .argument('<tenant>', 'tenant id')
      .option(
        '--from-domain <domain>',
        'the From domain of the mail to send (without it, a 5.7.750 block refuses, as over HTTP)',
      )
      .option('--json', 'print the decision as JSON'),
  ).action(async (tenantId: string, options: DataDirOptions & { fromDomain?: string; json?: boolean }) => {
    const { decision, text } = await withLocalServices(options, (services) =>
      checkCommand(services.scoring, tenantId, options.fromDomain, new Date().toISOString()),
    );
    process.stdout.write(options.json ? `${JSON.stringify(decision)}\n` : text);
    if (!decision.allowed) process.exitCode = REFUSED_EXIT_CODE;
  });
}
