import { dirname, resolve } from 'node:path';
import type { PlatformConfig } from '../../shared/core/platform/platform-config.ts';
import type { ScoringPolicy } from '../../shared/core/score/policy.ts';
import {
  type ApiToken,
  checkKnownFields,
  readApiTokens,
  readInteger,
  readObject,
  readOptionalString,
  readString,
} from './config-fields.ts';
import {
  findConfigFile,
  readBoolean,
  readDocument,
  readPlatform,
  readPolicy,
  resolvePath,
} from './config-sections.ts';
import { readEnvOverrides } from './env-overrides.ts';

export type { ApiToken } from './config-fields.ts';
export { CONFIG_FILE_NAMES, LOCAL_AUTHSERV_ID } from './config-sections.ts';
export { LocalConfigError } from './local-config-error.ts';

/** Certificate and key files for STARTTLS on the SMTP listener (RFC 3207). */
export interface SmtpTlsConfig {
  readonly keyFile: string;
  readonly certFile: string;
}

/** Tuning of the durable on-disk work queue. */
export interface QueueConfig {
  /** Deliveries before an entry moves to the dead letters. */
  readonly maxAttempts: number;
  /** How long a taken entry stays invisible before another worker may take it again. */
  readonly visibilityTimeoutMs: number;
  /** First retry delay; doubles with every attempt. */
  readonly retryBaseMs: number;
  /** Entries processed at once. */
  readonly concurrency: number;
}

/** Everything the one-machine runtime needs, validated, with defaults filled in. */
export interface LocalConfig {
  /** Absolute path of the data directory (DynamoDB files, raw mail, queue, outbox). */
  readonly dataDir: string;
  readonly smtp: {
    readonly host: string;
    readonly port: number;
    readonly maxMessageBytes: number;
    readonly tls?: SmtpTlsConfig;
  };
  readonly http: { readonly host: string; readonly port: number };
  readonly platform: PlatformConfig;
  /** The platform scoring policy (thresholds, weights, caps); README "Scoring policy" documents it. */
  readonly policy: ScoringPolicy;
  /** Days reports and raw mail are kept (DESIGN §5). */
  readonly retentionDays: number;
  /** How often the retention purge runs. */
  readonly purgeIntervalMinutes: number;
  /** API tokens for the analyst API (issue 8); empty means the server creates one on first start. */
  readonly tokens: readonly ApiToken[];
  /** Whether the enforcement route (`/v1/tenants/{id}/sending-status`) needs a token; the MTA calls it. */
  readonly enforcementRequiresToken: boolean;
  readonly queue: QueueConfig;
  /** The file the configuration came from, if any. */
  readonly source?: string;
}

/** Flags given on the command line; they win over the file and the environment. */
export interface LocalConfigOverrides {
  readonly dataDir?: string;
  readonly smtpHost?: string;
  readonly smtpPort?: number;
  readonly httpHost?: string;
  readonly httpPort?: number;
}

/** 40 MiB: the SES receiving limit, so both runtimes accept the same mail. */
const DEFAULT_MAX_MESSAGE_BYTES = 40 * 1024 * 1024;
/** 180 days: long enough for an analyst to look back over a season of complaints (issue 6 §5). */
const DEFAULT_RETENTION_DAYS = 180;

/** The documented defaults; `abuse-intake.config.example.json` shows them. */
export const LOCAL_DEFAULTS = {
  dataDir: './data',
  smtp: { host: '127.0.0.1', port: 2525, maxMessageBytes: DEFAULT_MAX_MESSAGE_BYTES },
  http: { host: '127.0.0.1', port: 8080 },
  retentionDays: DEFAULT_RETENTION_DAYS,
  purgeIntervalMinutes: 60,
  enforcementRequiresToken: false,
  // Five tries spread over ~30 s (1+2+4+8+16 s) outlast a restarting store but not a poison message. Two workers:
  // one records while the other scores; more only split the queue into smaller batches, each paying the per-tenant
  // scoring round trips again.
  queue: { maxAttempts: 5, visibilityTimeoutMs: 60_000, retryBaseMs: 1_000, concurrency: 2 },
} as const;

/** Every field the file may hold, with the fields of its sections (`platform` and `policy` check their own). */
const CONFIG_FIELDS = {
  dataDir: [],
  smtp: ['host', 'port', 'maxMessageBytes', 'tls'],
  http: ['host', 'port'],
  retentionDays: [],
  purgeIntervalMinutes: [],
  queue: ['maxAttempts', 'visibilityTimeoutMs', 'retryBaseMs', 'concurrency'],
  tokens: [],
  enforcementRequiresToken: [],
  platform: [],
  policy: [],
} as const satisfies Record<string, readonly string[]>;

/**
 * Loads the configuration: the file (JSON or YAML; `file`, else `ABUSE_INTAKE_CONFIG`, else one of
 * CONFIG_FILE_NAMES in the working directory), then `ABUSE_INTAKE_*` environment variables, then `overrides`.
 * Throws LocalConfigError naming the field and the fix.
 */
export function loadLocalConfig(options: {
  readonly file?: string;
  readonly env: NodeJS.ProcessEnv;
  readonly overrides?: LocalConfigOverrides;
  readonly cwd?: string;
}): LocalConfig {
  const cwd = options.cwd ?? process.cwd();
  const source = findConfigFile(options.file ?? options.env['ABUSE_INTAKE_CONFIG'], cwd);
  const fileBase = source === undefined ? cwd : dirname(source);
  const document = source === undefined ? {} : readDocument(source);
  const env = readEnvOverrides(options.env);
  const flags = options.overrides ?? {};

  checkKnownFields(document, Object.keys(CONFIG_FIELDS), '');
  const smtp = readObject(document, 'smtp');
  const http = readObject(document, 'http');
  const queue = readObject(document, 'queue');
  checkKnownFields(smtp, CONFIG_FIELDS.smtp, 'smtp.');
  checkKnownFields(http, CONFIG_FIELDS.http, 'http.');
  checkKnownFields(queue, CONFIG_FIELDS.queue, 'queue.');
  const tls = smtp['tls'] === undefined ? undefined : readObject(smtp, 'tls', 'smtp.tls');
  if (tls) checkKnownFields(tls, ['keyFile', 'certFile'], 'smtp.tls.');
  const keyFile = tls && readString(tls, 'keyFile', 'smtp.tls.keyFile');
  const certFile = tls && readString(tls, 'certFile', 'smtp.tls.certFile');

  const dataDir =
    flags.dataDir ??
    env.dataDir ??
    readOptionalString(document, 'dataDir', 'dataDir') ??
    LOCAL_DEFAULTS.dataDir;
  const dataDirBase = flags.dataDir !== undefined || env.dataDir !== undefined ? cwd : fileBase;

  return {
    dataDir: resolve(dataDirBase, dataDir),
    smtp: {
      host:
        flags.smtpHost ??
        env.smtpHost ??
        readOptionalString(smtp, 'host', 'smtp.host') ??
        LOCAL_DEFAULTS.smtp.host,
      port:
        flags.smtpPort ??
        env.smtpPort ??
        readInteger(smtp, 'port', 'smtp.port', LOCAL_DEFAULTS.smtp.port, 0, 65535),
      maxMessageBytes:
        env.maxMessageBytes ??
        readInteger(
          smtp,
          'maxMessageBytes',
          'smtp.maxMessageBytes',
          DEFAULT_MAX_MESSAGE_BYTES,
          1024,
          2 ** 31,
        ),
      ...(keyFile && certFile
        ? { tls: { keyFile: resolvePath(fileBase, keyFile), certFile: resolvePath(fileBase, certFile) } }
        : {}),
    },
    http: {
      host:
        flags.httpHost ??
        env.httpHost ??
        readOptionalString(http, 'host', 'http.host') ??
        LOCAL_DEFAULTS.http.host,
      port:
        flags.httpPort ??
        env.httpPort ??
        readInteger(http, 'port', 'http.port', LOCAL_DEFAULTS.http.port, 0, 65535),
    },
    platform: readPlatform(document, env.reportingAddresses),
    policy: readPolicy(document),
    retentionDays:
      env.retentionDays ??
      readInteger(document, 'retentionDays', 'retentionDays', DEFAULT_RETENTION_DAYS, 1, 36500),
    purgeIntervalMinutes: readInteger(
      document,
      'purgeIntervalMinutes',
      'purgeIntervalMinutes',
      LOCAL_DEFAULTS.purgeIntervalMinutes,
      1,
      10080,
    ),
    tokens: env.tokens ?? readApiTokens(document),
    enforcementRequiresToken: readBoolean(document, 'enforcementRequiresToken'),
    queue: {
      maxAttempts: readInteger(
        queue,
        'maxAttempts',
        'queue.maxAttempts',
        LOCAL_DEFAULTS.queue.maxAttempts,
        1,
        100,
      ),
      visibilityTimeoutMs: readInteger(
        queue,
        'visibilityTimeoutMs',
        'queue.visibilityTimeoutMs',
        LOCAL_DEFAULTS.queue.visibilityTimeoutMs,
        100,
        86_400_000,
      ),
      retryBaseMs: readInteger(
        queue,
        'retryBaseMs',
        'queue.retryBaseMs',
        LOCAL_DEFAULTS.queue.retryBaseMs,
        0,
        3_600_000,
      ),
      concurrency: readInteger(
        queue,
        'concurrency',
        'queue.concurrency',
        LOCAL_DEFAULTS.queue.concurrency,
        1,
        64,
      ),
    },
    ...(source === undefined ? {} : { source }),
  };
}
