/**
 * `npm run bench [NAME]`: runs every benchmark module below (or the one named) in this process (node --expose-gc),
 * prints one table per suite and writes them to bench/results/latest.md (latest-NAME.md for one module).
 * Add a module by exporting `run(): Promise<BenchResult[]>` and listing it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import type { BenchModule, BenchResult } from './bench-result.ts';
import * as e2eBench from './e2e.bench.ts';
import * as lambdaBench from './lambda.bench.ts';
import * as parseBench from './parse.bench.ts';

/** Every benchmark module, run in order. */
const BENCHES: readonly BenchModule[] = [
  { name: 'parse', run: parseBench.run },
  { name: 'lambda', run: lambdaBench.run },
  { name: 'e2e', run: e2eBench.run },
];

/** A Markdown table of some results; columns are the union of their metrics. */
export function resultTable(results: readonly BenchResult[]): string {
  const metricNames = [...new Set(results.flatMap((result) => Object.keys(result.metrics)))];
  const header = ['case', 'subject', ...metricNames];
  const rows = results.map((result) => [
    result.case,
    result.subject,
    ...metricNames.map((name) => result.metrics[name] ?? ''),
  ]);
  const widths = header.map((name, column) =>
    Math.max(name.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

/** One table per suite, each under its name, so every table has only its own columns. */
export function resultTables(results: readonly BenchResult[]): string {
  const suites = [...new Set(results.map((result) => result.suite))];
  return suites
    .map((suite) => `## ${suite}\n\n${resultTable(results.filter((result) => result.suite === suite))}`)
    .join('\n\n');
}

async function main(): Promise<void> {
  const only = process.argv[2];
  const results: BenchResult[] = [];
  for (const bench of BENCHES) {
    if (only && bench.name !== only) continue;
    process.stderr.write(`running ${bench.name}…\n`);
    results.push(...(await bench.run()));
  }
  const table = resultTables(results);
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const context = `Node ${process.version}, ${cpu}, one core, ${globalThis.gc ? 'with' : 'without'} --expose-gc`;
  process.stdout.write(`${table}\n\n${context}\n`);
  const dir = fileURLToPath(new URL('./results/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    `${dir}${only ? `latest-${only}` : 'latest'}.md`,
    `# Benchmark results\n\n${context}\n\n${table}\n`,
  );
}

await main();
