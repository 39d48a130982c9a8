import { nearestName } from '../../shared/core/spelling/nearest-name.ts';
import { LocalConfigError } from './local-config-error.ts';

/** Roles of the analyst API (issue 8): `read` sees, `manage` may also lift, change policy and replay. */
export const API_ROLES = ['read', 'manage'] as const;
export type ApiRole = (typeof API_ROLES)[number];

/** One API token from the configuration: the token itself, or its SHA-256 (hex) to keep the secret out of files. */
export interface ApiToken {
  readonly name: string;
  readonly token?: string;
  readonly sha256?: string;
  readonly role: ApiRole;
}

/** Tokens shorter than this are guessable; 32 hex characters carry 128 bits. */
const MIN_TOKEN_LENGTH = 16;

/** The object at `field` (empty when absent); throws naming `path` when it is something else. */
export function readObject(
  document: Record<string, unknown>,
  field: string,
  path: string = field,
): Record<string, unknown> {
  const value = document[field];
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new LocalConfigError(`${path} must be an object, e.g. "${path}": { … }`);
  }
  return value as Record<string, unknown>;
}

/**
 * Refuses fields the configuration does not know (a typo like `smpt` would otherwise be ignored silently); the error
 * names the field and the nearest known one. `path` is the section's prefix (`smtp.`), empty at the top level.
 */
export function checkKnownFields(
  document: Record<string, unknown>,
  known: readonly string[],
  path: string,
): void {
  for (const field of Object.keys(document)) {
    if (known.includes(field)) continue;
    const nearest = nearestName(field, known);
    const hint =
      nearest !== undefined ? `did you mean "${path}${nearest}"?` : `known fields: ${known.join(', ')}`;
    throw new LocalConfigError(`unknown field "${path}${field}": ${hint}`);
  }
}

/** A required non-empty string. */
export function readString(document: Record<string, unknown>, field: string, path: string): string {
  const value = readOptionalString(document, field, path);
  if (value === undefined) throw new LocalConfigError(`${path} is required: add "${field}": "…"`);
  return value;
}

/** An optional non-empty string. */
export function readOptionalString(
  document: Record<string, unknown>,
  field: string,
  path: string,
): string | undefined {
  const value = document[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') {
    throw new LocalConfigError(`${path} must be a non-empty string, not ${JSON.stringify(value)}`);
  }
  return value;
}

/** An integer within [min, max], or `fallback` when absent. */
export function readInteger(
  document: Record<string, unknown>,
  field: string,
  path: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const value = document[field];
  if (value === undefined) return fallback;
  return checkInteger(value, path, min, max);
}

/** Checks that `value` is an integer within [min, max]; the error names `path` and the allowed range. */
export function checkInteger(value: unknown, path: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new LocalConfigError(
      `${path} must be a whole number from ${min} to ${max}, not ${JSON.stringify(value)}`,
    );
  }
  return value;
}

/** `tokens: [{ name, token, role }]`. */
export function readApiTokens(document: Record<string, unknown>): readonly ApiToken[] {
  const value = document['tokens'];
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    throw new LocalConfigError(
      'tokens must be a list like [{ "name": "alice", "token": "…", "role": "manage" }]',
    );
  }
  return value.map((entry: unknown, index) => checkToken(entry, `tokens[${index}]`));
}

function checkToken(entry: unknown, path: string): ApiToken {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    throw new LocalConfigError(`${path} must be an object { "name", "token", "role" }`);
  }
  const record = entry as Record<string, unknown>;
  checkKnownFields(record, ['name', 'role', 'token', 'sha256'], `${path}.`);
  const name = readString(record, 'name', `${path}.name`);
  const role = record['role'] ?? 'read';
  if (role !== 'read' && role !== 'manage') {
    throw new LocalConfigError(`${path}.role must be "read" or "manage", not ${JSON.stringify(role)}`);
  }
  if (record['token'] === undefined && record['sha256'] !== undefined) {
    const sha256 = readString(record, 'sha256', `${path}.sha256`).toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(sha256)) {
      throw new LocalConfigError(`${path}.sha256 must be 64 hex digits: \`printf %s TOKEN | sha256sum\``);
    }
    return { name, sha256, role };
  }
  const token = readString(record, 'token', `${path}.token`);
  if (token.length < MIN_TOKEN_LENGTH) {
    throw new LocalConfigError(
      `${path}.token is too short: use at least ${MIN_TOKEN_LENGTH} random characters (e.g. \`openssl rand -hex 16\`)`,
    );
  }
  return { name, token, role };
}

/** Parses `name:role:token,name:role:token` from one environment variable. */
export function parseTokenList(text: string, variable: string): readonly ApiToken[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '')
    .map((item, index) => {
      const [name, role, ...rest] = item.split(':');
      return checkToken(
        { name, role, token: rest.join(':') },
        `${variable} entry ${index + 1} (name:role:token)`,
      );
    });
}
