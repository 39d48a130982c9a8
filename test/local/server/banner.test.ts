import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ApiToken } from '../../../local/config/local-config.ts';
import { formatBanner } from '../../../local/server/banner.ts';
import type { RunningServer } from '../../../local/server/start-server.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'abuse-intake-banner-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Just what the banner reads of a running server. */
function serverWith(tokens: readonly ApiToken[]): RunningServer {
  return {
    smtp: { host: '127.0.0.1', port: 2525 },
    http: { url: 'http://127.0.0.1:8080' },
    config: { dataDir, tokens },
    services: { pipeline: { intake: { platform: { reportingAddresses: ['junk@abuse-intake.test'] } } } },
  } as unknown as RunningServer;
}

describe('formatBanner', () => {
  const tokens: ApiToken[] = [
    { name: 'desk', role: 'manage', token: 'secret-manage-token' },
    { name: 'viewer', role: 'read', token: 'secret-read-token' },
  ];

  it('names the configured tokens and their roles, never their secrets', () => {
    const banner = formatBanner(serverWith(tokens));
    expect(banner).toContain('API tokens desk (manage), viewer (read) from the configuration');
    expect(banner).not.toContain('secret-');
  });

  it('says a token file left from an earlier start is not in use', () => {
    writeFileSync(join(dataDir, 'api-token'), 'old\n');
    expect(formatBanner(serverWith(tokens))).toContain(`${join(dataDir, 'api-token')} is not in use`);
  });
});
