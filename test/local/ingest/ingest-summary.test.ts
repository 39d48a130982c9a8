import { describe, expect, it } from 'vitest';
import { emptySummary, formatSummary, summaryJson } from '../../../local/ingest/ingest-summary.ts';

describe('ingest summary', () => {
  it('says mails sent over SMTP are queued for the server instead of printing zero reports', () => {
    const summary = emptySummary(3, 'smtp');
    summary.accepted = 3;
    const text = formatSummary(summary);
    expect(text).toContain(
      'queued 3 of 3 mails (the server processes them; see `npx abuse-intake submissions list`)',
    );
    expect(text).not.toContain('reports:');
    expect(JSON.parse(summaryJson(summary))).toEqual({
      via: 'smtp',
      total: 3,
      queued: 3,
      skipped: {},
      failed: [],
    });
  });

  it('does not promise processing when the server queued nothing', () => {
    const summary = emptySummary(1, 'smtp');
    summary.failed.push({ label: 'a.eml', reason: 'connect ECONNREFUSED 127.0.0.1:2525' });
    const text = formatSummary(summary);
    expect(text.split('\n')[0]).toBe('queued none of 1 mails');
    expect(text).toContain('a.eml: connect ECONNREFUSED');
  });

  it('names how many files a folder walk skipped and why', () => {
    const summary = emptySummary(1);
    summary.skipped = { hidden: 2, 'documentation (.md/.tsv)': 1 };
    expect(formatSummary(summary)).toContain('skipped 3 files (2 hidden, 1 documentation (.md/.tsv))');
  });
});
