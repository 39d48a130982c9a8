import { Command, CommanderError } from 'commander';
import { COMMANDS } from './commands/index.ts';

/** Builds the `abuse-intake` command line; each command lives in its own file under commands/. */
export function createProgram(): Command {
  const program = new Command('abuse-intake')
    .description('Abuse-report intake for multi-tenant email platforms: parse, attribute, score, restrict.')
    .showHelpAfterError()
    .exitOverride();
  for (const register of COMMANDS) register(program);
  return program;
}

/** Runs the CLI; returns the process exit code instead of exiting, so tests can call it in-process. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = createProgram();
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    process.stderr.write(`abuse-intake: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
