/**
 * Child process for start-server.test.ts: starts the server on port 0 in the data directory given as argv[2],
 * stops it at once (its start-up purge and standing review still in flight), and never calls process.exit, so
 * the process ends only if stop() left nothing running. Every log line goes to stdout, ending with `stopped`.
 */
import { loadLocalConfig } from '../../../local/config/local-config.ts';
import { startServer } from '../../../local/server/start-server.ts';

const dataDir = process.argv[2] ?? '';
const config = loadLocalConfig({ env: {}, cwd: dataDir, overrides: { dataDir, smtpPort: 0, httpPort: 0 } });
const server = await startServer({ config, log: (line) => process.stdout.write(`${line}\n`) });
await server.stop();
process.stdout.write('stopped\n');
