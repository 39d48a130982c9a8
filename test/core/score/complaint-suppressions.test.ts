import { describe, expect, it } from 'vitest';
import {
  complainingRecipient,
  complaintSuppressions,
} from '../../../shared/core/score/complaint-suppressions.ts';
import { scoreReports } from '../../../shared/core/score/score-reports.ts';
import { suppressionList } from '../../../shared/core/score/tenant-queries.ts';
import { createInMemoryScoringDeps } from '../../support/in-memory-scoring-stores.ts';
import { reportRecord } from '../../support/report-records.ts';

describe('complainer suppression', () => {
  it.each([
    ['<Bob@Example.NET>', 'bob@example.net'],
    ['carol@example.org', 'carol@example.org'],
    ['redacted@example.net', undefined],
    ['xxxxxxxx@example.net', undefined],
    ['****@example.net', undefined],
    ['bob@xxxxxx.com', undefined],
    ['[REDACTED]', undefined],
    ['not an address', undefined],
  ])('reads Original-Rcpt-To %s as %s', (value, expected) => {
    expect(complainingRecipient(value)).toBe(expected);
  });

  it('suppresses recipients of complaints only, not of not-spam reports or forgeable attribution', () => {
    const entries = complaintSuppressions([
      reportRecord({
        id: 'c1',
        originalRcptTo: ['alice@example.net'],
        receivedAt: '2026-11-20T10:00:00.000Z',
      }),
      reportRecord({
        id: 'c0',
        originalRcptTo: ['alice@example.net'],
        receivedAt: '2026-11-19T10:00:00.000Z',
      }),
      reportRecord({ id: 'ns', originalRcptTo: ['nina@example.net'], feedbackType: 'not-spam' }),
      reportRecord({ id: 'wk', originalRcptTo: ['walt@example.net'], confidence: 'weak' }),
      reportRecord({ id: 'oo', originalRcptTo: ['otto@example.net'], feedbackType: 'opt-out' }),
    ]);
    expect(entries.map((entry) => [entry.address, entry.reportId]).sort()).toEqual([
      ['alice@example.net', 'c0'],
      ['otto@example.net', 'oo'],
    ]);
  });

  it('puts complaining recipients on the tenant’s list as reports are scored', async () => {
    const deps = createInMemoryScoringDeps();
    await scoreReports(
      [reportRecord({ originalRcptTo: ['alice@example.net', 'redacted@example.net'] })],
      deps,
      '2026-11-20T13:00:00.000Z',
    );
    expect((await suppressionList('tenant-a', deps)).items.map((entry) => entry.address)).toEqual([
      'alice@example.net',
    ]);
    expect(await deps.suppressions.isSuppressed('tenant-a', 'alice@example.net')).toBe(true);
  });
});
