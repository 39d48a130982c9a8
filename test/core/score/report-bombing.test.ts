import { describe, expect, it } from 'vitest';
import { checkSending } from '../../../shared/core/restrictions/check-sending.ts';
import { readScores } from '../../../shared/core/score/score-of-buckets.ts';
import { scoreReports } from '../../../shared/core/score/score-reports.ts';
import { createInMemoryScoringDeps } from '../../support/in-memory-scoring-stores.ts';
import { reportRecord, reportsFromDistinctReporters } from '../../support/report-records.ts';

const NOW = '2026-11-20T13:00:00.000Z';
const minutesAgo = (minutes: number) => new Date(Date.parse(NOW) - minutes * 60_000).toISOString();

describe('report bombing', () => {
  it('does not restrict a tenant on 1,000 reports from one reporter', async () => {
    const deps = createInMemoryScoringDeps();
    const reports = Array.from({ length: 1000 }, (_, i) =>
      reportRecord({ reporter: 'angry@isp.example', receivedAt: minutesAgo(i % 600) }),
    );
    const { standings } = await scoreReports(reports, deps, NOW);
    expect(standings[0]?.state).toBe('active');
    expect(await checkSending('tenant-a', 'tenant-a.example', deps, NOW)).toEqual({
      allowed: true,
      state: 'active',
    });
  });

  it('does not restrict a tenant on 1,000 unauthenticated reports from 1,000 claimed identities', async () => {
    const deps = createInMemoryScoringDeps();
    const reports = reportsFromDistinctReporters(1000, {
      trust: 'unauthenticated',
      receivedAt: minutesAgo(5),
    });
    for (let i = 0; i < reports.length; i += 50) await scoreReports(reports.slice(i, i + 50), deps, NOW);
    expect((await deps.standings.getStanding('tenant-a'))?.state ?? 'active').toBe('active');
  });

  it('stops storing entries for a reporter or a forged crowd once their cap is full', async () => {
    const deps = createInMemoryScoringDeps();
    const bomber = Array.from({ length: 1000 }, () => reportRecord({ reporter: 'angry@isp.example' }));
    const crowd = reportsFromDistinctReporters(1000, { trust: 'unauthenticated' });
    for (let i = 0; i < 1000; i += 50) {
      await scoreReports([...bomber.slice(i, i + 50), ...crowd.slice(i, i + 50)], deps, NOW);
    }
    const window = '2026-11-20T00:00:00.000Z';
    const buckets = await deps.scores.readBuckets('tenant-a', window, window);
    const stored = buckets.reduce((count, bucket) => count + bucket.entries.length, 0);
    expect(stored).toBeLessThan(150);
    // The bomber's cap (3) plus the unauthenticated class cap (4), decayed from 12:00 to 13:00.
    expect((await readScores('tenant-a', deps.scores, deps.policy, NOW)).score).toBeCloseTo(
      7 * 2 ** (-13 / 24),
      9,
    );
  });

  it('restricts a tenant reported by 30 distinct authenticated reporters', async () => {
    const deps = createInMemoryScoringDeps();
    const { standings } = await scoreReports(
      reportsFromDistinctReporters(30, { trust: 'authenticated-human', receivedAt: minutesAgo(30) }),
      deps,
      NOW,
    );
    expect(standings[0]?.state).toBe('restricted');
  });

  it('never restricts on reports whose attribution is weak, however many', async () => {
    const deps = createInMemoryScoringDeps();
    const reports = reportsFromDistinctReporters(500, { trust: 'automated-feed', confidence: 'weak' });
    const { standings } = await scoreReports(reports, deps, NOW);
    expect(standings[0]?.state).toBe('active');
    expect(standings[0]?.unregisteredRestriction).toBeUndefined();
  });

  it('never restricts on forged attribution that attribution marked not restrict-capable', async () => {
    const deps = createInMemoryScoringDeps();
    const reports = reportsFromDistinctReporters(200, {
      confidence: 'strong',
      restrictCapable: false,
      unregisteredDomains: ['forged.example'],
    });
    const { standings } = await scoreReports(reports, deps, NOW);
    expect(standings[0]?.state).toBe('active');
    expect(standings[0]?.unregisteredRestriction).toBeUndefined();
  });

  it('counts the same message reported twice by the same reporter once', async () => {
    const deps = createInMemoryScoringDeps();
    const twice = [0, 1].map((i) =>
      reportRecord({
        id: `copy-${i}`,
        fingerprint: 'same-message',
        reporter: 'feed@fbl.example',
        trust: 'automated-feed',
      }),
    );
    await scoreReports(twice, deps, NOW);
    const single = createInMemoryScoringDeps();
    await scoreReports([twice[0]!], single, NOW);
    const both = await readScores('tenant-a', deps.scores, deps.policy, NOW);
    const one = await readScores('tenant-a', single.scores, single.policy, NOW);
    expect(both.score).toBe(one.score);
  });
});
