import { createHash, timingSafeEqual } from 'node:crypto';
import type { Authenticator } from './authenticator.ts';
import type { ApiRole } from './roles.ts';

/**
 * One configured API token. Give `sha256` (hex of the token) to keep the secret out of the configuration file,
 * or `token` itself; only its hash is kept in memory either way.
 */
export interface ApiTokenConfig {
  /** Who holds the token; recorded as `token:<name>` in the audit trail. */
  readonly name: string;
  readonly role: ApiRole;
  readonly token?: string;
  readonly sha256?: string;
}

/** Raised at start-up for a token entry that cannot work; names the entry and the fix. */
export class ApiTokenConfigError extends Error {
  override name = 'ApiTokenConfigError';
}

/** Tokens shorter than this are guessable; 32 hex chars is 128 bits. */
const MIN_TOKEN_LENGTH = 16;
const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Hex SHA-256 of a token, the form tokens are stored and compared in. */
export function hashApiToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

interface StoredToken {
  readonly name: string;
  readonly role: ApiRole;
  readonly hash: Buffer;
}

function storedToken(entry: ApiTokenConfig, position: number): StoredToken {
  const where = `tokens[${position}] (${entry.name || 'unnamed'})`;
  if (!entry.name) throw new ApiTokenConfigError(`${where}: set "name" to who holds the token.`);
  if (entry.role !== 'read' && entry.role !== 'manage') {
    throw new ApiTokenConfigError(`${where}: "role" must be "read" or "manage".`);
  }
  if (entry.token !== undefined) {
    if (entry.token.length < MIN_TOKEN_LENGTH) {
      throw new ApiTokenConfigError(`${where}: "token" must be at least ${MIN_TOKEN_LENGTH} characters.`);
    }
    return { name: entry.name, role: entry.role, hash: Buffer.from(hashApiToken(entry.token), 'hex') };
  }
  const hex = entry.sha256?.toLowerCase() ?? '';
  if (!SHA256_HEX.test(hex)) {
    throw new ApiTokenConfigError(`${where}: give "token", or "sha256" as 64 hex characters.`);
  }
  return { name: entry.name, role: entry.role, hash: Buffer.from(hex, 'hex') };
}

/** The bearer credential of an Authorization header (RFC 6750 §2.1), if any. */
export function bearerToken(authorization: string | undefined): string | undefined {
  const match = /^Bearer[ ]+([\x21-\x7e]+)[ ]*$/i.exec(authorization ?? '');
  return match?.[1];
}

/**
 * Authenticates `Authorization: Bearer <token>` against configured tokens. The presented token is hashed and
 * compared with every stored hash in constant time, so neither timing nor early exit reveals a near match.
 */
export function createTokenAuthenticator(tokens: readonly ApiTokenConfig[]): Authenticator {
  const stored = tokens.map(storedToken);
  return async (request) => {
    const presented = bearerToken(request.headers.authorization);
    if (presented === undefined) return undefined;
    const hash = createHash('sha256').update(presented, 'utf8').digest();
    let found: StoredToken | undefined;
    for (const candidate of stored) {
      if (timingSafeEqual(candidate.hash, hash) && !found) found = candidate;
    }
    return found ? { actor: `token:${found.name}`, role: found.role } : undefined;
  };
}
