import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import {
  type PlatformConfig,
  PlatformConfigError,
  parsePlatformConfig,
} from '../../shared/core/platform/platform-config.ts';
import { PolicyError, parseScoringPolicy, type ScoringPolicy } from '../../shared/core/score/policy.ts';
import { readObject } from './config-fields.ts';
import { LocalConfigError } from './local-config-error.ts';

/** File names looked for in the working directory when no file is named. */
export const CONFIG_FILE_NAMES = [
  'abuse-intake.config.json',
  'abuse-intake.config.yaml',
  'abuse-intake.config.yml',
] as const;

/** Where a reporting mailbox lives when none is configured; `.test` never leaves the machine (RFC 2606). */
const DEFAULT_REPORTING_ADDRESSES = ['junk@abuse-intake.test', 'feedback@abuse-intake.test'];
/** The authserv-id the local SMTP listener writes; trusted by default because it is our own receiving side. */
export const LOCAL_AUTHSERV_ID = 'abuse-intake.local';

/** The named file (which must exist), else the first of CONFIG_FILE_NAMES in `cwd`, else undefined. */
export function findConfigFile(named: string | undefined, cwd: string): string | undefined {
  if (named !== undefined && named !== '') {
    const path = resolve(cwd, named);
    if (!existsSync(path)) {
      throw new LocalConfigError(
        `config file ${path} does not exist: fix the --config path or ABUSE_INTAKE_CONFIG`,
      );
    }
    return path;
  }
  return CONFIG_FILE_NAMES.map((name) => resolve(cwd, name)).find((path) => existsSync(path));
}

/** The file parsed as JSON or YAML; an empty file is an empty object. */
export function readDocument(path: string): Record<string, unknown> {
  const text = readFileSync(path, 'utf8');
  let value: unknown;
  try {
    value = path.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new LocalConfigError(
      `${path} is not valid ${path.endsWith('.json') ? 'JSON' : 'YAML'}: ${String(error)}`,
      {
        cause: error,
      },
    );
  }
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new LocalConfigError(
      `${path}: the top level must be an object with fields like "dataDir" and "smtp"`,
    );
  }
  return value as Record<string, unknown>;
}

/** The `platform` section through parsePlatformConfig, with the local defaults for addresses and authserv-id. */
export function readPlatform(
  document: Record<string, unknown>,
  envAddresses: readonly string[] | undefined,
): PlatformConfig {
  const section = readObject(document, 'platform');
  const input = {
    reportingAddresses: DEFAULT_REPORTING_ADDRESSES,
    trustedAuthservIds: [LOCAL_AUTHSERV_ID],
    ...section,
    ...(envAddresses === undefined ? {} : { reportingAddresses: envAddresses }),
  };
  try {
    return parsePlatformConfig(input);
  } catch (error) {
    if (error instanceof PlatformConfigError) {
      throw new LocalConfigError(`platform: ${error.message}`, { cause: error });
    }
    throw error;
  }
}

/** The `policy` section through parseScoringPolicy. */
export function readPolicy(document: Record<string, unknown>): ScoringPolicy {
  try {
    return parseScoringPolicy(document['policy']);
  } catch (error) {
    if (error instanceof PolicyError) throw new LocalConfigError(error.message, { cause: error });
    throw error;
  }
}

/** An optional boolean field, false when absent. */
export function readBoolean(document: Record<string, unknown>, field: string): boolean {
  const value = document[field];
  if (value === undefined) return false;
  if (typeof value !== 'boolean')
    throw new LocalConfigError(`${field} must be true or false, not ${JSON.stringify(value)}`);
  return value;
}

/** `path` relative to `base` unless absolute. */
export function resolvePath(base: string, path: string): string {
  return isAbsolute(path) ? path : resolve(base, path);
}
