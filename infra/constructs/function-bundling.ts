/**
 * How every Lambda is bundled: one definition used by the CDK constructs, the bundle tests and the benchmark,
 * so what is measured is what is deployed.
 */

/** esbuild target matching the Lambda runtime chosen in pipeline-function.ts (nodejs22.x). */
export const LAMBDA_NODE_TARGET = 'node22';

/**
 * ESM output needs `require` for the CommonJS packages it bundles (mailparser, iconv-lite…): esbuild's shim
 * calls the global one, which ESM lacks, so the banner provides it.
 */
export const ESM_REQUIRE_BANNER =
  "import { createRequire as __abuseIntakeCreateRequire } from 'node:module'; const require = __abuseIntakeCreateRequire(import.meta.url);";

/**
 * The AWS SDK v3 is bundled, not left external: the functions then run the exact client versions the tests ran,
 * not whatever the runtime ships, and tree-shaking keeps each bundle small (see `npm run bench`).
 */
export const BUNDLE_AWS_SDK = true;

/**
 * Packages replaced in the bundles, relative to the repository root (esbuild `alias`): iconv-lite's code-page
 * tables would be 40% of the intake bundle for a path the parser never takes (see functions/iconv-lite-shim.ts).
 */
export const BUNDLE_ALIASES = { 'iconv-lite': './functions/iconv-lite-shim.ts' } as const;

/** The esbuild options (in esbuild's own API spelling) the CDK bundling below reproduces. */
export const ESBUILD_OPTIONS = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: LAMBDA_NODE_TARGET,
  minify: true,
  sourcemap: true,
  sourcesContent: false,
  legalComments: 'none',
  banner: { js: ESM_REQUIRE_BANNER },
  mainFields: ['module', 'main'],
  alias: BUNDLE_ALIASES,
} as const;

/** The Lambda entry files, one folder per function (handler.ts thin, main.ts builds the clients). */
export const FUNCTION_ENTRIES = {
  intake: 'functions/intake/main.ts',
  score: 'functions/score/main.ts',
  api: 'functions/api/main.ts',
} as const;
export type FunctionName = keyof typeof FUNCTION_ENTRIES;
