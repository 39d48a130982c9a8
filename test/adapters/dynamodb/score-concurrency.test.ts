import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDynamoScoringStores } from '../../../shared/adapters/dynamodb/score-stores.ts';
import type { ReportRecord } from '../../../shared/core/model/index.ts';
import { DEFAULT_POLICY } from '../../../shared/core/score/policy.ts';
import { readScores, scoreOfReports } from '../../../shared/core/score/score-of-buckets.ts';
import { scoreReports } from '../../../shared/core/score/score-reports.ts';
import { auditTrail } from '../../../shared/core/score/tenant-queries.ts';
import { createTestTables, DYNAMO_BACKENDS, type DynamoBackend } from '../../support/dynamodb.ts';
import { createInMemoryScoringDeps, testTenant } from '../../support/in-memory-scoring-stores.ts';
import { reportRecord } from '../../support/report-records.ts';

const NOW = '2026-11-20T18:00:00.000Z';
const WORKERS = 4;
const BATCH_SIZE = 25;

/** 300 reports about one tenant from 40 reporters over a day, some the same message reported twice. */
function reportSet(): ReportRecord[] {
  return Array.from({ length: 300 }, (_, i) =>
    reportRecord({
      id: `r${i}`,
      reporter: `user${i % 40}@isp${i % 40}.example`,
      trust: i % 3 === 0 ? 'automated-feed' : 'authenticated-human',
      fingerprint: `fp-${i % 250}`,
      receivedAt: new Date(Date.parse(NOW) - (i % 20) * 3_600_000 - i * 1000).toISOString(),
      ...(i % 4 === 0 ? { unregisteredDomains: ['relay.example'] } : {}),
      originalRcptTo: [`victim${i % 7}@example.net`],
    }),
  );
}

/** Each worker gets an overlapping 60 % of the set, in its own order, cut into batches. */
function workerBatches(reports: readonly ReportRecord[], seed: number): ReportRecord[][] {
  const [order] = fc.sample(
    fc.shuffledSubarray([...reports], { minLength: Math.floor(reports.length * 0.6) }),
    {
      seed,
      numRuns: 1,
    },
  );
  const batches: ReportRecord[][] = [];
  for (let i = 0; i < order!.length; i += BATCH_SIZE) batches.push(order!.slice(i, i + BATCH_SIZE));
  return batches;
}

describe.each(DYNAMO_BACKENDS)('concurrent scoring on $name', ({ start }) => {
  let backend: DynamoBackend;
  beforeAll(async () => {
    backend = await start();
  });
  afterAll(async () => {
    await backend?.stop();
  });

  it('counts each report once when several workers apply overlapping batches at once', async () => {
    const names = await createTestTables(backend.client);
    const stores = createDynamoScoringStores({ client: backend.client, tableName: names.scores });
    const deps = createInMemoryScoringDeps({ stores, tenants: [testTenant('tenant-a')] });
    const reports = reportSet();
    const perWorker = Array.from({ length: WORKERS }, (_, w) => workerBatches(reports, w + 1));
    // The union of what the workers see, plus a final worker that sees everything, as a redelivery would.
    perWorker.push([reports.slice(0, 150), reports.slice(150)]);
    await Promise.all(
      perWorker.map(async (batches) => {
        for (const batch of batches) await scoreReports(batch, deps, NOW);
      }),
    );
    const stored = await readScores('tenant-a', deps.scores, DEFAULT_POLICY, NOW);
    const expected = scoreOfReports(reports, DEFAULT_POLICY, NOW);
    expect(stored.score).toBeCloseTo(expected.score, 9);
    expect(stored.unregistered).toBeCloseTo(expected.unregistered, 9);
    expect(Math.abs(stored.score - expected.score)).toBeLessThanOrEqual(1e-9 * expected.score);

    const standing = await deps.standings.getStanding('tenant-a');
    expect(standing).toMatchObject({ state: 'restricted' });
    expect(standing?.unregisteredRestriction).toBeDefined();
    expect(standing?.pending).toBeUndefined();
    const actions = (await auditTrail('tenant-a', deps, { limit: 100 })).items.map((entry) => entry.action);
    expect(actions.filter((action) => action === 'restricted')).toHaveLength(1);
    expect(actions.filter((action) => action === 'unregistered-restricted')).toHaveLength(1);
    const keys = deps.notifier.sent.map((notice) => notice.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect((await deps.suppressions.list('tenant-a', { limit: 100 })).items).toHaveLength(7);
  });
});
