import { afterEach, describe, expect, it } from 'vitest';
import { type StandingReview, startStandingReview } from '../../../local/server/standing-review.ts';
import { scoreReports } from '../../../shared/core/score/score-reports.ts';
import { createInMemoryScoringDeps } from '../../support/in-memory-scoring-stores.ts';
import { reportsFromDistinctReporters } from '../../support/report-records.ts';

const WARNED_AT = '2026-11-20T13:00:00.000Z';
const hoursLater = (hours: number) => new Date(Date.parse(WARNED_AT) + hours * 3_600_000).toISOString();

describe('standing review', () => {
  let review: StandingReview | undefined;
  afterEach(() => review?.stop());

  it('clears a warning once the score has decayed, with no new report arriving', async () => {
    const scoring = createInMemoryScoringDeps();
    await scoreReports(reportsFromDistinctReporters(12, { receivedAt: WARNED_AT }), scoring, WARNED_AT);
    expect((await scoring.standings.getStanding('tenant-a'))?.state).toBe('warned');

    let clock = hoursLater(1);
    const lines: string[] = [];
    review = startStandingReview({ scoring, log: (line) => lines.push(line), now: () => clock });
    expect(await review.runOnce()).toBe(0);
    expect((await scoring.standings.getStanding('tenant-a'))?.state).toBe('warned');

    clock = hoursLater(3 * 24);
    expect(await review.runOnce()).toBe(1);
    expect((await scoring.standings.getStanding('tenant-a'))?.state).toBe('active');
    expect(lines).toEqual(['standing review: 1 tenant state changed']);
  });

  it('runs on its interval and logs a failed run instead of throwing', async () => {
    const scoring = createInMemoryScoringDeps();
    const failing = {
      ...scoring,
      standings: {
        ...scoring.standings,
        topRanks: async () => {
          throw new Error('store unavailable');
        },
      },
    };
    // Waits for the first scheduled run itself, not a fixed 60 ms a loaded machine may not give the interval.
    const firstLine = new Promise<string>((resolve) => {
      review = startStandingReview({ scoring: failing, log: resolve, intervalMs: 10 });
    });
    expect(await firstLine).toBe('standing review: Error: store unavailable');
  });
});
