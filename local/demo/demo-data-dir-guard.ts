import type { LocalServices } from '../runtime/local-services.ts';
import { isDemoDataDir } from './demo-platform.ts';

/** The data directory `npm run demo` uses, so the demo never mixes with the data of `npm start`. */
export const DEMO_DATA_DIR = './demo-data';

/** The data directory holds somebody's data, so the demo must not seed its tenants and mail into it. */
export class DemoDataDirInUseError extends Error {
  override name = 'DemoDataDirInUseError';
}

/**
 * Refuses to run the demo on a data directory that holds tenants or submissions and is not a demo directory:
 * the demo would overwrite tenants with its own ids and count its mail against them. An empty or demo directory
 * passes.
 */
export async function assertDemoMayUse(services: LocalServices, dataDir: string): Promise<void> {
  if (isDemoDataDir(dataDir)) return;
  const tenants = await services.directory.listTenants();
  const submissions = await services.records.listSubmissions({ limit: 1 });
  if (tenants.length === 0 && submissions.items.length === 0) return;
  const held = [
    ...(tenants.length > 0 ? [`${tenants.length} tenant${tenants.length === 1 ? '' : 's'}`] : []),
    ...(submissions.items.length > 0 ? ['submissions'] : []),
  ].join(' and ');
  throw new DemoDataDirInUseError(
    `--demo refused: ${dataDir} already holds your data (${held}) and is not a demo data directory; ` +
      `the demo would overwrite tenants and add its reports. Run it in its own directory: ` +
      `npm run demo, or npm start -- --demo --data-dir ${DEMO_DATA_DIR}`,
  );
}
