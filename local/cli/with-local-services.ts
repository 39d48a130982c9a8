import type { Command } from 'commander';
import { createLocalServices, type LocalServices } from '../runtime/local-services.ts';
import { openLocalStores } from '../runtime/open-local-stores.ts';

/** The options every data command takes. */
export interface DataDirOptions {
  readonly dataDir?: string;
  readonly config?: string;
}

/** Adds `--data-dir` and `--config` to a command. */
export function withDataDirOptions(command: Command): Command {
  return command
    .option('--data-dir <dir>', 'data directory (default ./data, or dataDir in the config file)')
    .option('--config <file>', 'configuration file (default ./abuse-intake.config.json or .yaml)');
}

/**
 * Opens the data directory (through the running server when there is one), runs `body` with the local services,
 * and closes everything whatever happens.
 */
export async function withLocalServices<T>(
  options: DataDirOptions,
  body: (services: LocalServices) => Promise<T>,
): Promise<T> {
  const stores = await openLocalStores({
    ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }),
    ...(options.config === undefined ? {} : { configFile: options.config }),
  });
  try {
    return await body(createLocalServices(stores));
  } finally {
    await stores.close();
  }
}
