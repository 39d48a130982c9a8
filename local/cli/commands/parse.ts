/**
 * `abuse-intake parse FILE|DIR... [--summary]`: parses report mails and prints each submission as JSON, or with
 * --summary a table (file, kind, reported messages, feedback type, deviations, reason, milliseconds) and the
 * totals by kind. Directories are walked as `ingest` walks them (selectMailFiles).
 */
import { readFileSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import type { Command } from 'commander';
import type { Submission } from '../../../shared/core/model/index.ts';
import { parseSubmission } from '../../../shared/core/parse/index.ts';
import { selectMailFiles } from '../../ingest/select-mail-files.ts';

/** One parsed file. */
export interface ParsedFile {
  readonly file: string;
  readonly submission: Submission;
  readonly ms: number;
}

/** The files named on the command line, directories expanded as `ingest` expands them (selectMailFiles). */
export function expandPaths(paths: readonly string[]): string[] {
  const { files, missing } = selectMailFiles(paths);
  if (missing[0]) throw new Error(`cannot read ${missing[0].path}: no such file or directory`);
  return files;
}

/** Parses one file, timing the parser alone; a file that cannot be read becomes an `unusable` row. */
export function parseFile(file: string): ParsedFile {
  let raw: Uint8Array;
  try {
    raw = readFileSync(file);
  } catch (error) {
    const message = `cannot read ${file}: ${(error as Error).message}`;
    const submission = parseSubmission(new Uint8Array());
    return {
      file,
      ms: 0,
      submission: { ...submission, unusableReason: { code: 'unreadable-file', message } },
    };
  }
  const started = performance.now();
  const submission = parseSubmission(raw);
  return { file, submission, ms: performance.now() - started };
}

/** The submission as JSON, with each rawBody replaced by its length. */
export function submissionJson(parsed: ParsedFile): string {
  const { submission } = parsed;
  const messages = submission.messages.map(({ rawBody, ...message }) => ({
    ...message,
    rawBodyLength: rawBody?.length,
  }));
  return JSON.stringify(
    { file: parsed.file, ms: Number(parsed.ms.toFixed(2)), submission: { ...submission, messages } },
    null,
    2,
  );
}

function feedbackLabel(submission: Submission): string {
  const labels = new Set(
    submission.messages.map((message) =>
      message.xarf
        ? `${message.xarf.category ?? '?'}/${message.xarf.type ?? '?'}`
        : message.feedback.feedbackType,
    ),
  );
  return [...labels].join(',');
}

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** The --summary table and the totals by kind. */
export function summaryText(parsed: readonly ParsedFile[], base: string): string {
  const rows = [['file', 'kind', 'msgs', 'feedback', 'devs', 'reason', 'ms']];
  const totals = new Map<string, number>();
  let totalMs = 0;
  for (const { file, submission, ms } of parsed) {
    totals.set(submission.kind, (totals.get(submission.kind) ?? 0) + 1);
    totalMs += ms;
    rows.push([
      relative(base, file) || file,
      submission.kind,
      String(submission.messages.length),
      feedbackLabel(submission),
      String(submission.deviations.length),
      submission.unusableReason?.code ?? '',
      ms.toFixed(1),
    ]);
  }
  const kinds = [...totals].map(([kind, count]) => `${kind} ${count}`).join(', ');
  return `${table(rows)}\n\n${parsed.length} files: ${kinds}; ${totalMs.toFixed(1)} ms parsing\n`;
}

/** Registers `parse`. */
export function registerParseCommand(program: Command): void {
  program
    .command('parse')
    .description('Parse report mails (ARF, X-ARF, forwards) and print each submission as JSON')
    .argument('<paths...>', 'mail files or directories of them')
    .option('--summary', 'print a table and totals by kind instead of JSON')
    .action((paths: string[], options: { summary?: boolean }) => {
      const files = expandPaths(paths);
      const parsed = files.map(parseFile);
      if (options.summary) {
        const base = paths.length === 1 && statSync(paths[0]!).isDirectory() ? paths[0]! : process.cwd();
        process.stdout.write(summaryText(parsed, base));
      } else {
        for (const item of parsed) process.stdout.write(`${submissionJson(item)}\n`);
      }
    });
}
