/**
 * Lambda bundles: size of each function's bundle and the time a fresh Node process takes to load it (a
 * cold-start proxy: Lambda's init phase also loads and evaluates the bundle), against an empty script.
 * Issue 7 aims at under 1 MB and under 150 ms per function.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleFunction, lambdaProcessEnv } from '../infra/bundle-functions.ts';
import { FUNCTION_ENTRIES, type FunctionName } from '../infra/constructs/function-bundling.ts';
import type { BenchResult } from './bench-result.ts';

/** Fresh processes per measurement; the median smooths out a busy shared machine. */
const RUNS = 7;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Median wall time of spawning Node on `script` (an ESM file) with `env`, in milliseconds. */
function loadMilliseconds(script: string, env: NodeJS.ProcessEnv): number {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const result = spawnSync(process.execPath, [script], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    times.push(performance.now() - started);
    if (result.status !== 0) throw new Error(`loading ${script} failed: ${result.stderr.toString()}`);
  }
  return median(times);
}

/** Bundle size and load time of each function. */
export async function run(): Promise<BenchResult[]> {
  const outdir = mkdtempSync(join(tmpdir(), 'abuse-intake-lambda-bench-'));
  try {
    const empty = join(outdir, 'empty.mjs');
    writeFileSync(empty, '');
    const results: BenchResult[] = [];
    for (const name of Object.keys(FUNCTION_ENTRIES) as FunctionName[]) {
      const bundle = await bundleFunction(name, outdir);
      const env = lambdaProcessEnv(name);
      const baseline = loadMilliseconds(empty, env);
      const loaded = loadMilliseconds(bundle.file, env);
      results.push({
        suite: 'lambda',
        case: name,
        subject: 'esbuild bundle (minified ESM, AWS SDK bundled)',
        metrics: {
          'bundle KiB': (bundle.bytes / 1024).toFixed(0),
          'source map KiB': (bundle.sourceMapBytes / 1024).toFixed(0),
          'load ms': loaded.toFixed(0),
          'empty-script ms': baseline.toFixed(0),
          'load - empty ms': (loaded - baseline).toFixed(0),
          'load / empty': (loaded / baseline).toFixed(2),
        },
      });
    }
    return results;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
