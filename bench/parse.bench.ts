/**
 * Parse throughput (issue 3 item 4): parseSubmission beside (a) the naive way, mailparser's simpleParser on the
 * outer mail and again on each attached message, and (b) a lower bound that only copies the bytes and finds the
 * header/body boundaries. Same process, same inputs, one core. Peak extra memory for the 1 MB forward.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simpleParser } from 'mailparser';
import { parseSubmission } from '../shared/core/parse/index.ts';
import type { BenchResult } from './bench-result.ts';
import { measureExtraMemory, measureThroughputs, type Throughput } from './measure.ts';
import { arfReport8k, forward1m, forward40k } from './synthetic-mail.ts';

const REPO = resolve(fileURLToPath(new URL('..', import.meta.url)));
/** The shared corpus beside the repository, else the parser's fixtures (a fresh clone has no corpus). */
const CORPUS_DIRS = [
  process.env['BENCH_CORPUS'],
  join(REPO, '../shared/corpus'),
  join(REPO, 'test/fixtures/parse'),
];

function corpusFiles(): { dir: string; files: Buffer[] } {
  const dir = CORPUS_DIRS.find((candidate) => candidate && existsSync(candidate))!;
  const files: Buffer[] = [];
  const walk = (path: string): void => {
    for (const name of readdirSync(path).sort()) {
      const child = join(path, name);
      if (statSync(child).isDirectory()) walk(child);
      else if (!/\.(?:md|tsv)$/.test(name)) files.push(readFileSync(child));
    }
  };
  walk(dir);
  return { dir, files };
}

const MESSAGE_ATTACHMENT = /^message\/(?:rfc822|global)$/;

/** The naive way: simpleParser on the outer mail, then again on every attached message. */
async function naiveParse(raw: Buffer): Promise<number> {
  let parsed = 0;
  try {
    const outer = await simpleParser(raw);
    parsed++;
    for (const attachment of outer.attachments) {
      if (
        MESSAGE_ATTACHMENT.test(attachment.contentType) ||
        attachment.filename?.toLowerCase().endsWith('.eml')
      ) {
        await simpleParser(attachment.content);
        parsed++;
      }
    }
  } catch {
    // mailparser rejects some broken inputs; the attempt still costs its time.
  }
  return parsed;
}

/** The floor: copy the bytes and find every header/body boundary (CRLF CRLF, or LF LF in Unix files). */
function lowerBound(raw: Buffer): number {
  const copy = Buffer.from(raw);
  let count = 0;
  for (const separator of ['\r\n\r\n', '\n\n']) {
    let position = copy.indexOf(separator);
    while (position >= 0) {
      count++;
      position = copy.indexOf(separator, position + separator.length);
    }
  }
  return count;
}

const mb = (bytes: number): string =>
  bytes < 100_000 ? `${(bytes / 1e3).toFixed(1)} KB` : `${(bytes / 1e6).toFixed(2)} MB`;
const rate = (value: number): string => (value >= 100 ? value.toFixed(0) : value.toFixed(1));

interface Case {
  readonly name: string;
  readonly inputs: readonly Buffer[];
  readonly memory?: boolean;
}

async function runCase(input: Case): Promise<BenchResult[]> {
  const bytes = input.inputs.reduce((sum, raw) => sum + raw.length, 0);
  const count = input.inputs.length;
  const subjects: [string, () => unknown][] = [
    ['parseSubmission', () => input.inputs.map((raw) => parseSubmission(raw))],
    [
      'naive mailparser',
      async () => {
        for (const raw of input.inputs) await naiveParse(raw);
      },
    ],
    ['lower bound (copy + find boundaries)', () => input.inputs.map(lowerBound)],
  ];
  const throughputs = await measureThroughputs(
    subjects.map(([, operation]) => operation),
    bytes,
  );
  const measured = subjects.map(([subject], index): [string, Throughput] => [subject, throughputs[index]!]);
  const naive = measured[1]![1];
  const floor = measured[2]![1];
  const results: BenchResult[] = [];
  for (const [index, [subject, throughput]] of measured.entries()) {
    const metrics: Record<string, string> = {
      input: `${count} × ${mb(bytes / count)}`,
      'msgs/s': rate(throughput.opsPerSecond * count),
      'MB/s': rate(throughput.mbPerSecond),
      'vs naive': `${(throughput.opsPerSecond / naive.opsPerSecond).toFixed(2)}×`,
      'vs lower bound': `${((throughput.opsPerSecond / floor.opsPerSecond) * 100).toFixed(1)}%`,
    };
    if (input.memory && index < 2) {
      const memory = await measureExtraMemory(subjects[index]![1]);
      metrics['peak extra mem'] = `${mb(memory.peak)} (${(memory.peak / bytes).toFixed(2)}× size)`;
      metrics['retained'] = mb(memory.retained);
    }
    results.push({ suite: 'parse', case: input.name, subject, metrics });
  }
  return results;
}

/** Runs the parse benchmark cases in order. */
export async function run(): Promise<BenchResult[]> {
  const corpus = corpusFiles();
  const cases: Case[] = [
    { name: '8 KB ARF', inputs: [arfReport8k()] },
    { name: '40 KB forward', inputs: [forward40k()] },
    { name: '1 MB forward', inputs: [forward1m()], memory: true },
    { name: `corpus mix (${relativeName(corpus.dir)})`, inputs: corpus.files },
  ];
  const results: BenchResult[] = [];
  // The 1 MB case measures memory first, before the heap holds the other cases' garbage.
  for (const input of cases) results.push(...(await runCase(input)));
  return results;
}

function relativeName(dir: string): string {
  return dir.startsWith(REPO) ? dir.slice(REPO.length + 1) : dir.replace(resolve(REPO, '..'), '..');
}
