import type { ApiToken } from './config-fields.ts';
import { checkInteger, parseTokenList } from './config-fields.ts';
import { LocalConfigError } from './local-config-error.ts';

/** Settings that `ABUSE_INTAKE_*` environment variables may override. */
export interface EnvOverrides {
  readonly dataDir?: string;
  readonly smtpHost?: string;
  readonly smtpPort?: number;
  readonly maxMessageBytes?: number;
  readonly httpHost?: string;
  readonly httpPort?: number;
  readonly retentionDays?: number;
  readonly reportingAddresses?: readonly string[];
  readonly tokens?: readonly ApiToken[];
}

/** The environment variables read, for the documentation and the `--help` text. */
export const ENV_VARIABLES = {
  ABUSE_INTAKE_CONFIG: 'configuration file (JSON or YAML)',
  ABUSE_INTAKE_DATA_DIR: 'data directory',
  ABUSE_INTAKE_SMTP_HOST: 'SMTP listen address',
  ABUSE_INTAKE_SMTP_PORT: 'SMTP port (0 picks a free one)',
  ABUSE_INTAKE_SMTP_MAX_MESSAGE_BYTES: 'largest mail accepted',
  ABUSE_INTAKE_HTTP_HOST: 'HTTP listen address',
  ABUSE_INTAKE_HTTP_PORT: 'HTTP port (0 picks a free one)',
  ABUSE_INTAKE_RETENTION_DAYS: 'days reports and raw mail are kept',
  ABUSE_INTAKE_REPORTING_ADDRESSES: 'comma-separated reporting addresses',
  ABUSE_INTAKE_TOKENS: 'API tokens as name:role:token, comma-separated',
} as const;

/** Reads the `ABUSE_INTAKE_*` variables; empty variables count as unset. */
export function readEnvOverrides(env: NodeJS.ProcessEnv): EnvOverrides {
  const text = (name: keyof typeof ENV_VARIABLES): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const integer = (name: keyof typeof ENV_VARIABLES, min: number, max: number): number | undefined => {
    const value = text(name);
    if (value === undefined) return undefined;
    if (!/^\d+$/.test(value))
      throw new LocalConfigError(`${name} must be a whole number, not ${JSON.stringify(value)}`);
    return checkInteger(Number(value), name, min, max);
  };
  const addresses = text('ABUSE_INTAKE_REPORTING_ADDRESSES');
  const tokens = text('ABUSE_INTAKE_TOKENS');
  const result: Record<string, unknown> = {
    dataDir: text('ABUSE_INTAKE_DATA_DIR'),
    smtpHost: text('ABUSE_INTAKE_SMTP_HOST'),
    smtpPort: integer('ABUSE_INTAKE_SMTP_PORT', 0, 65535),
    maxMessageBytes: integer('ABUSE_INTAKE_SMTP_MAX_MESSAGE_BYTES', 1024, 2 ** 31),
    httpHost: text('ABUSE_INTAKE_HTTP_HOST'),
    httpPort: integer('ABUSE_INTAKE_HTTP_PORT', 0, 65535),
    retentionDays: integer('ABUSE_INTAKE_RETENTION_DAYS', 1, 36500),
    reportingAddresses: addresses?.split(',').map((item) => item.trim()),
    tokens: tokens === undefined ? undefined : parseTokenList(tokens, 'ABUSE_INTAKE_TOKENS'),
  };
  for (const key of Object.keys(result)) if (result[key] === undefined) delete result[key];
  return result as EnvOverrides;
}
