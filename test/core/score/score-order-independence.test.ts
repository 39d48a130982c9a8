import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReportRecord } from '../../../shared/core/model/index.ts';
import { DEFAULT_POLICY } from '../../../shared/core/score/policy.ts';
import { readScores, scoreOfReports } from '../../../shared/core/score/score-of-buckets.ts';
import { scoreReports } from '../../../shared/core/score/score-reports.ts';
import { createInMemoryScoringDeps } from '../../support/in-memory-scoring-stores.ts';
import { reportRecord } from '../../support/report-records.ts';

const NOW = '2026-11-21T00:00:00.000Z';
/** Lower thresholds than the defaults so that small generated sets reach every decision. */
const POLICY = { ...DEFAULT_POLICY, warnThreshold: 4, restrictThreshold: 8, unregisteredDomainThreshold: 4 };
const START = Date.parse('2026-11-19T12:00:00.000Z');

/** Reports over three days from a few reporters, with repeated fingerprints, mixed types, trust and attribution. */
const reportArbitrary = fc
  .record({
    minute: fc.integer({ min: 0, max: 36 * 60 }),
    reporter: fc.integer({ min: 0, max: 5 }),
    trust: fc.constantFrom('automated-feed', 'authenticated-human', 'unauthenticated' as const),
    feedbackType: fc.constantFrom('abuse', 'fraud', 'other', 'not-spam', 'opt-out' as const),
    confidence: fc.constantFrom('proven', 'strong', 'weak' as const),
    fingerprint: fc.integer({ min: 0, max: 8 }),
    relay: fc.boolean(),
    tenant: fc.constantFrom('tenant-a', 'tenant-b'),
  })
  .map((spec) =>
    reportRecord({
      tenantId: spec.tenant,
      receivedAt: new Date(START + spec.minute * 60_000).toISOString(),
      reporter: `r${spec.reporter}@isp${spec.reporter}.example`,
      trust: spec.trust,
      feedbackType: spec.feedbackType,
      confidence: spec.confidence,
      fingerprint: `fp-${spec.fingerprint}`,
      ...(spec.relay ? { unregisteredDomains: ['spam.example'] } : {}),
    }),
  );

/** A copy of `reports` with some repeated, shuffled, and cut into batches. */
const replayArbitrary = (reports: readonly ReportRecord[]) =>
  fc
    .tuple(
      fc.array(fc.integer({ min: 0, max: Math.max(0, reports.length - 1) }), { maxLength: reports.length }),
      fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 10 }),
    )
    .chain(([repeats, sizes]) =>
      fc
        .shuffledSubarray(
          [...reports, ...repeats.flatMap((i) => (reports[i] === undefined ? [] : [reports[i]]))],
          {
            minLength: reports.length + repeats.length,
          },
        )
        .map((shuffled) => batches(shuffled, sizes)),
    );

function batches<T>(items: readonly T[], sizes: readonly number[]): T[][] {
  const result: T[][] = [];
  let start = 0;
  for (let i = 0; start < items.length; i++) {
    const size = sizes[i % sizes.length]!;
    result.push(items.slice(start, start + size));
    start += size;
  }
  return result;
}

async function scoreInBatches(batchList: readonly (readonly ReportRecord[])[]) {
  const deps = createInMemoryScoringDeps({
    policy: POLICY,
    tenants: [
      {
        tenantId: 'tenant-a',
        name: 'A',
        acceptedDomains: [],
        dedicatedIps: [],
        createdAt: NOW,
        updatedAt: NOW,
      },
      {
        tenantId: 'tenant-b',
        name: 'B',
        acceptedDomains: [],
        dedicatedIps: [],
        createdAt: NOW,
        updatedAt: NOW,
      },
    ],
  });
  for (const batch of batchList) await scoreReports(batch, deps, NOW);
  const result: Record<string, unknown> = {};
  for (const tenantId of ['tenant-a', 'tenant-b']) {
    const scores = await readScores(tenantId, deps.scores, POLICY, NOW);
    const standing = await deps.standings.getStanding(tenantId);
    result[tenantId] = {
      scores,
      state: standing?.state ?? 'active',
      unregistered: standing?.unregisteredRestriction !== undefined,
    };
  }
  return result as Record<
    string,
    { scores: { score: number; unregistered: number }; state: string; unregistered: boolean }
  >;
}

function expectClose(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
}

describe('score order independence', () => {
  it('gives the same score and decisions for any permutation, duplication and batching of the reports', async () => {
    const statesSeen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(
        fc
          .array(reportArbitrary, { minLength: 1, maxLength: 60, size: 'max' })
          .chain((reports) => fc.tuple(fc.constant(reports), replayArbitrary(reports))),
        async ([reports, replay]) => {
          const once = await scoreInBatches([reports]);
          const replayed = await scoreInBatches(replay);
          for (const tenantId of ['tenant-a', 'tenant-b']) {
            const a = once[tenantId]!;
            const b = replayed[tenantId]!;
            expectClose(b.scores.score, a.scores.score);
            expectClose(b.scores.unregistered, a.scores.unregistered);
            expect(b.state).toBe(a.state);
            expect(b.unregistered).toBe(a.unregistered);
            statesSeen.add(a.state);
            if (a.unregistered) statesSeen.add('unregistered-restricted');
          }
        },
      ),
      { numRuns: 60 },
    );
    // The generated sets reach every decision, so the property is about decisions, not only about zeros.
    expect([...statesSeen].sort()).toEqual(['active', 'restricted', 'unregistered-restricted', 'warned']);
  });

  it('stores the score that recomputing it from the report records gives', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(reportArbitrary, { minLength: 1, maxLength: 40 }), async (reports) => {
        const stored = await scoreInBatches([reports]);
        for (const tenantId of ['tenant-a', 'tenant-b']) {
          const reference = scoreOfReports(
            reports.filter((report) => report.tenantId === tenantId),
            POLICY,
            NOW,
          );
          expectClose(stored[tenantId]!.scores.score, reference.score);
          expectClose(stored[tenantId]!.scores.unregistered, reference.unregistered);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('scores a report by when it was received, not when it is processed', async () => {
    const report = reportRecord({ receivedAt: '2026-11-20T00:00:00.000Z' });
    const deps = createInMemoryScoringDeps();
    await scoreReports([report], deps, '2026-11-20T00:00:00.000Z');
    const later = await readScores('tenant-a', deps.scores, DEFAULT_POLICY, '2026-11-21T00:00:00.000Z');
    expectClose(later.score, 0.5);
  });
});
