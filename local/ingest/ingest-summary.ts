import type { IntakeOutcome } from '../../shared/core/intake/process-submission.ts';

/** What an ingest run did, for the final summary and `--json`. */
export interface IngestSummary {
  /**
   * `pipeline`: each mail was processed here, so kinds and attribution are known; `smtp`: the mails were only
   * queued by the server, which processes them later, so only `accepted` (queued) and `failed` mean anything.
   */
  via: 'pipeline' | 'smtp';
  /** Mails found in the given paths. */
  total: number;
  /** Mails stored and recorded (usable or not); over SMTP, mails the server queued. */
  accepted: number;
  /** Entries a folder walk left out, counted by reason (hidden, documentation, …). */
  skipped: Record<string, number>;
  /** Accepted submissions by kind (arf, forward, xarf, unusable). */
  byKind: Record<string, number>;
  /** Unusable submissions by reason code. */
  unusable: Record<string, number>;
  reports: number;
  attributed: number;
  unattributed: number;
  /** Mails that could not be ingested (read error, store error, SMTP refusal), with the reason. */
  failed: { label: string; reason: string }[];
}

/** An empty summary. */
export function emptySummary(total: number, via: IngestSummary['via'] = 'pipeline'): IngestSummary {
  return {
    via,
    total,
    skipped: {},
    accepted: 0,
    byKind: {},
    unusable: {},
    reports: 0,
    attributed: 0,
    unattributed: 0,
    failed: [],
  };
}

/** Counts one processed submission. */
export function countOutcome(summary: IngestSummary, outcome: IntakeOutcome): void {
  summary.accepted++;
  const { kind, reason } = outcome.submission;
  summary.byKind[kind] = (summary.byKind[kind] ?? 0) + 1;
  if (kind === 'unusable') {
    const code = reason?.code ?? 'unknown';
    summary.unusable[code] = (summary.unusable[code] ?? 0) + 1;
  }
  for (const report of outcome.reports) {
    summary.reports++;
    if (report.attribution.outcome === 'attributed') summary.attributed++;
    else summary.unattributed++;
  }
}

/** The summary for `--json`: over SMTP without the counts only the server will know. */
export function summaryJson(summary: IngestSummary): string {
  if (summary.via === 'pipeline') return `${JSON.stringify(summary, null, 2)}\n`;
  const { via, total, accepted, skipped, failed } = summary;
  return `${JSON.stringify({ via, total, queued: accepted, skipped, failed }, null, 2)}\n`;
}

/** The summary as text for people. */
export function formatSummary(summary: IngestSummary): string {
  const counts = (record: Record<string, number>) =>
    Object.entries(record)
      .sort(([, a], [, b]) => b - a)
      .map(([key, count]) => `${key} ${count}`)
      .join(', ') || '-';
  const skippedCount = Object.values(summary.skipped).reduce((sum, count) => sum + count, 0);
  const lines =
    summary.via === 'smtp'
      ? [
          summary.accepted > 0
            ? `queued ${summary.accepted} of ${summary.total} mails (the server processes them; see \`npx abuse-intake submissions list\`)`
            : `queued none of ${summary.total} mails`,
        ]
      : [
          `accepted ${summary.accepted} of ${summary.total} mails`,
          `  by kind:    ${counts(summary.byKind)}`,
          `  unusable:   ${counts(summary.unusable)}`,
          `  reports:    ${summary.reports} (attributed ${summary.attributed}, unattributed ${summary.unattributed})`,
        ];
  if (skippedCount > 0) {
    const why = Object.entries(summary.skipped)
      .map(([reason, count]) => `${count} ${reason}`)
      .join(', ');
    lines.push(`  skipped ${skippedCount} ${skippedCount === 1 ? 'file' : 'files'} (${why})`);
  }
  if (summary.failed.length > 0) {
    lines.push(`  FAILED:     ${summary.failed.length}`);
    for (const failure of summary.failed.slice(0, 20)) lines.push(`    ${failure.label}: ${failure.reason}`);
    if (summary.failed.length > 20) lines.push(`    … and ${summary.failed.length - 20} more`);
  }
  return `${lines.join('\n')}\n`;
}
