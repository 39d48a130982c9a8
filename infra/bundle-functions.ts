/**
 * Builds a function bundle exactly as the CDK's NodejsFunction does (same esbuild options, see
 * function-bundling.ts), for the bundle tests and `npm run bench`, and the sample environment each needs to load.
 */
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { apiEnvironment } from '../functions/api/env.ts';
import { intakeEnvironment } from '../functions/intake/env.ts';
import { scoreEnvironment } from '../functions/score/env.ts';
import { ESBUILD_OPTIONS, FUNCTION_ENTRIES, type FunctionName } from './constructs/function-bundling.ts';

const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** One built bundle. */
export interface FunctionBundle {
  readonly name: FunctionName;
  /** The `index.mjs` Lambda would load. */
  readonly file: string;
  readonly bytes: number;
  readonly sourceMapBytes: number;
}

/** Bundles `name` into `outdir/<name>/index.mjs` (+ `.map`). */
export async function bundleFunction(name: FunctionName, outdir: string): Promise<FunctionBundle> {
  const file = join(outdir, name, 'index.mjs');
  await build({
    ...ESBUILD_OPTIONS,
    banner: { ...ESBUILD_OPTIONS.banner },
    mainFields: [...ESBUILD_OPTIONS.mainFields],
    alias: { ...ESBUILD_OPTIONS.alias },
    entryPoints: [join(REPO_ROOT, FUNCTION_ENTRIES[name])],
    outfile: file,
    absWorkingDir: REPO_ROOT,
    logLevel: 'silent',
  });
  return { name, file, bytes: statSync(file).size, sourceMapBytes: statSync(`${file}.map`).size };
}

const SAMPLE_TABLES = { tenants: 'tenants', reports: 'reports', scores: 'scores' } as const;

/** Environment variables that let each bundle initialise offline (no call is made until an event arrives). */
export const SAMPLE_ENVIRONMENTS: Readonly<Record<FunctionName, Readonly<Record<string, string>>>> = {
  intake: intakeEnvironment({
    tables: SAMPLE_TABLES,
    rawMailBucket: 'raw-mail',
    rawMailPrefix: 'raw/',
    scoreQueueUrl: 'https://sqs.eu-west-1.amazonaws.com/123456789012/score',
    platformConfigJson: JSON.stringify({ reportingAddresses: ['junk@abuse.example.com'] }),
    retentionDays: 90,
  }),
  score: scoreEnvironment({ tables: SAMPLE_TABLES, notificationsFrom: 'notifications@abuse.example.com' }),
  api: apiEnvironment({
    tables: SAMPLE_TABLES,
    rawMailBucket: 'raw-mail',
    rawMailPrefix: 'raw/',
    auth: { kind: 'iam', manageRoles: ['AbuseAdmins'] },
    notificationsFrom: 'notifications@abuse.example.com',
    queues: [
      {
        name: 'intake',
        queueUrl: 'https://sqs.eu-west-1.amazonaws.com/123456789012/intake',
        deadLetterQueueUrl: 'https://sqs.eu-west-1.amazonaws.com/123456789012/intake-dlq',
        deadLetterQueueArn: 'arn:aws:sqs:eu-west-1:123456789012:intake-dlq',
      },
    ],
  }),
};

/** The Lambda-like environment a bundle is loaded with: a region, dummy credentials, its sample variables. */
export function lambdaProcessEnv(name: FunctionName): NodeJS.ProcessEnv {
  return {
    PATH: process.env['PATH'],
    AWS_REGION: 'eu-west-1',
    AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'example',
    NODE_OPTIONS: '--enable-source-maps',
    // The SDK warns on Node 20 (this machine); the functions run on Node 22 in Lambda, where it is silent.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    ...SAMPLE_ENVIRONMENTS[name],
  };
}
