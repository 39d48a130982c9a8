import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiToken } from '../config/local-config.ts';

/** The file holding the token made on first start when the configuration names none. */
export const API_TOKEN_FILE = 'api-token';

/**
 * The API tokens to use: the configured ones, else one `manage` token kept in `<dataDir>/api-token` (created with
 * 128 random bits and mode 0600 on first start), so a new user can log in to the dashboard with the printed token.
 */
export function resolveApiTokens(
  configured: readonly ApiToken[],
  dataDir: string,
): { tokens: readonly ApiToken[]; generated?: ApiToken } {
  if (configured.length > 0) return { tokens: configured };
  const path = join(dataDir, API_TOKEN_FILE);
  if (!existsSync(path)) writeFileSync(path, `${randomBytes(16).toString('hex')}\n`, { mode: 0o600 });
  const generated: ApiToken = {
    name: 'local-admin',
    role: 'manage',
    token: readFileSync(path, 'utf8').trim(),
  };
  return { tokens: [generated], generated };
}
