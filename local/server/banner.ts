import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiToken } from '../config/local-config.ts';
import { API_TOKEN_FILE } from './api-token-file.ts';
import type { RunningServer } from './start-server.ts';

/** An RFC 5965 report shipped with the repository, for a first try. */
const SAMPLE_REPORT = 'test/fixtures/parse/arf-rfc5965-standard.eml';

/** Example tenants shipped with the repository; one owns the sample report's sender domain. */
const EXAMPLE_TENANTS = 'examples/tenants.json';

/** The start-up banner: where everything listens, where the data lives, and how to send and query a first report. */
export function formatBanner(server: RunningServer, options: { readonly demo?: boolean } = {}): string {
  const { smtp, http, config } = server;
  const to = server.services.pipeline.intake.platform.reportingAddresses[0] ?? 'junk@abuse-intake.test';
  const dataDirFlag = ` --data-dir ${JSON.stringify(config.dataDir)}`;
  const lines = [
    '',
    `abuse-intake is running${options.demo ? ' (demo)' : ''}`,
    `  SMTP       ${smtp.host}:${smtp.port}   accepts mail for ${server.services.pipeline.intake.platform.reportingAddresses.join(', ')}`,
    `  Dashboard  ${http.url}/`,
    `  API        ${http.url}/v1/   health: ${http.url}/health`,
    `  Enforce    ${http.url}/v1/tenants/TENANT/sending-status?fromDomain=DOMAIN`,
    `  Data       ${config.dataDir}${config.source ? `   (config: ${config.source})` : ''}`,
    ...(server.generatedToken
      ? [`  API token  ${server.generatedToken.token}   (manage role; kept in ${config.dataDir}/api-token)`]
      : [configuredTokensLine(config.tokens, config.dataDir)]),
    '',
    ...(options.demo
      ? ['Send a first report:']
      : [
          'Register tenants (reports are attributed only to known ones), then send a first report:',
          `  npx abuse-intake tenants import ${EXAMPLE_TENANTS}${dataDirFlag}`,
        ]),
    `  npx abuse-intake ingest ${SAMPLE_REPORT}${dataDirFlag}`,
    `  node -e "require('nodemailer').createTransport({host:'${smtp.host}',port:${smtp.port}}).sendMail({envelope:{from:'fbl@isp.example',to:'${to}'},raw:require('fs').readFileSync('${SAMPLE_REPORT}')}).then(i=>console.log(i.response))"`,
    'Then look at it:',
    `  npx abuse-intake reports list${dataDirFlag}`,
    `  npx abuse-intake reports show REPORT_ID${dataDirFlag}   # with its attribution`,
    `  curl -s ${http.url}/health`,
    '',
    'Stop with Ctrl-C; accepted mail waits safely in the queue for the next start.',
    '',
  ];
  return lines.join('\n');
}

/**
 * Which configured tokens are in force (names and roles, never the secrets); a token file left from a start
 * without configured tokens is named as unused, so nobody logs in with it and wonders about the 401.
 */
function configuredTokensLine(tokens: readonly ApiToken[], dataDir: string): string {
  const names = tokens.map((token) => `${token.name} (${token.role})`).join(', ');
  const stale = existsSync(join(dataDir, API_TOKEN_FILE))
    ? `; ${join(dataDir, API_TOKEN_FILE)} is not in use`
    : '';
  return `  API tokens ${names} from the configuration${stale}`;
}
