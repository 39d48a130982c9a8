import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDynamoScoringStores } from '../../../shared/adapters/dynamodb/score-stores.ts';
import type { AuditEntry } from '../../../shared/core/model/index.ts';
import { initialStanding, type TenantStanding } from '../../../shared/core/restrictions/standing.ts';
import type { BucketEntry } from '../../../shared/core/score/bucket.ts';
import type { ScoringStores } from '../../../shared/core/score/ports.ts';
import { createTestTables, DYNAMO_BACKENDS } from '../../support/dynamodb.ts';
import { createInMemoryScoringStores } from '../../support/in-memory-scoring-stores.ts';

/** The same contract for the DynamoDB adapters and the in-memory fake the core's property tests use. */
const STORE_BACKENDS: readonly {
  name: string;
  start: () => Promise<{ fresh: () => Promise<ScoringStores>; stop: () => Promise<void> }>;
}[] = [
  {
    name: 'in-memory',
    start: async () => ({ fresh: async () => createInMemoryScoringStores(), stop: async () => {} }),
  },
  ...DYNAMO_BACKENDS.map((backend) => ({
    name: backend.name,
    start: async () => {
      const running = await backend.start();
      return {
        fresh: async () => {
          const names = await createTestTables(running.client);
          return createDynamoScoringStores({ client: running.client, tableName: names.scores });
        },
        stop: () => running.stop(),
      };
    },
  })),
];

const WINDOW = '2026-11-20T00:00:00.000Z';
const ref = (shard = 0, windowStart = WINDOW) => ({ tenantId: 'tenant-a', windowStart, shard });
const entry = (keyId: string, value: number, reporterId = 'h0123456789ab'): BucketEntry => ({
  reporterId,
  keyId,
  channel: 'k',
  value,
});

describe.each(STORE_BACKENDS)('scoring stores on $name', ({ start }) => {
  let backend: Awaited<ReturnType<(typeof STORE_BACKENDS)[number]['start']>>;
  beforeAll(async () => {
    backend = await start();
  });
  afterAll(async () => {
    await backend?.stop();
  });

  it('writes absent entries and reads them back exactly', async () => {
    const { scores } = await backend.fresh();
    expect(await scores.readBucket(ref())).toBeUndefined();
    expect(await scores.writeEntries(ref(), [entry('aa', 0.1 + 0.2), entry('bb', 1.5)])).toBe(true);
    const bucket = await scores.readBucket(ref());
    expect(bucket?.entries.map((e) => [e.keyId, e.value]).sort()).toEqual([
      ['aa', 0.1 + 0.2],
      ['bb', 1.5],
    ]);
  });

  it('refuses the whole write when an entry is already as large, and accepts a larger one', async () => {
    const { scores } = await backend.fresh();
    await scores.writeEntries(ref(), [entry('aa', 1)]);
    expect(await scores.writeEntries(ref(), [entry('aa', 1), entry('cc', 2)])).toBe(false);
    expect((await scores.readBucket(ref()))?.entries).toHaveLength(1);
    expect(await scores.writeEntries(ref(), [entry('aa', 1.25)])).toBe(true);
    expect((await scores.readBucket(ref()))?.entries[0]?.value).toBe(1.25);
  });

  it('reads every shard of the windows in range and no others', async () => {
    const { scores } = await backend.fresh();
    await scores.writeEntries(ref(0), [entry('aa', 1)]);
    await scores.writeEntries(ref(3), [entry('bb', 1)]);
    await scores.writeEntries(ref(1, '2026-11-10T00:00:00.000Z'), [entry('cc', 1)]);
    await scores.writeEntries({ ...ref(0), tenantId: 'tenant-b' }, [entry('dd', 1)]);
    const buckets = await scores.readBuckets('tenant-a', '2026-11-15T00:00:00.000Z', WINDOW);
    expect(buckets.map((b) => b.shard).sort()).toEqual([0, 3]);
  });

  it('commits a standing only from the version it was read at', async () => {
    const { standings } = await backend.fresh();
    const first: TenantStanding = { ...initialStanding('tenant-a', WINDOW), version: 1, state: 'warned' };
    expect(await standings.putStanding(first, 0)).toBe(true);
    expect(await standings.putStanding({ ...first, state: 'restricted' }, 0)).toBe(false);
    expect(await standings.putStanding({ ...first, version: 2, state: 'active' }, 1)).toBe(true);
    expect(await standings.putStanding({ ...first, version: 2, state: 'restricted' }, 1)).toBe(false);
    expect(await standings.getStanding('tenant-a')).toMatchObject({ version: 2, state: 'active' });
  });

  it('lists exactly the restricted tenants, and drops a tenant once lifted', async () => {
    const { standings } = await backend.fresh();
    const restricted = (tenantId: string): TenantStanding => ({
      ...initialStanding(tenantId, WINDOW),
      version: 1,
      state: 'restricted',
      restriction: { since: WINDOW, score: 21 },
    });
    await standings.putStanding(restricted('t1'), 0);
    await standings.putStanding(
      { ...initialStanding('t2', WINDOW), version: 1, unregisteredRestriction: { since: WINDOW, score: 11 } },
      0,
    );
    await standings.putStanding({ ...initialStanding('t3', WINDOW), version: 1, state: 'warned' }, 0);
    expect((await standings.listRestricted()).items.map((s) => s.tenantId).sort()).toEqual(['t1', 't2']);
    const { restriction: _lifted, ...rest } = restricted('t1');
    await standings.putStanding({ ...rest, version: 2, state: 'probation' }, 1);
    expect((await standings.listRestricted()).items.map((s) => s.tenantId)).toEqual(['t2']);
  });

  it('ranks tenants by log-space score, highest first, and never lowers a rank', async () => {
    const { standings } = await backend.fresh();
    for (const [tenantId, logScore] of [
      ['low', 10],
      ['high', 30],
      ['mid', 20],
    ] as const) {
      await standings.raiseScoreRank({ tenantId, logScore, halfLifeHours: 24 });
    }
    await standings.raiseScoreRank({ tenantId: 'high', logScore: 5, halfLifeHours: 24 });
    expect((await standings.topRanks(2)).map((rank) => [rank.tenantId, rank.logScore])).toEqual([
      ['high', 30],
      ['mid', 20],
    ]);
  });

  it('lets a notice be claimed once until released', async () => {
    const { standings } = await backend.fresh();
    expect(await standings.claimNotice('tenant-a:v1:warned', 'tenant-a', WINDOW)).toBe(true);
    expect(await standings.claimNotice('tenant-a:v1:warned', 'tenant-a', WINDOW)).toBe(false);
    await standings.releaseNotice('tenant-a:v1:warned', 'tenant-a');
    expect(await standings.claimNotice('tenant-a:v1:warned', 'tenant-a', WINDOW)).toBe(true);
  });

  it('keeps one audit entry per id and pages the trail newest first', async () => {
    const { audit } = await backend.fresh();
    const entryAt = (minute: number): AuditEntry => ({
      tenantId: 'tenant-a',
      at: `2026-11-20T10:${String(minute).padStart(2, '0')}:00.000Z`,
      actor: 'system',
      action: 'warned',
    });
    for (let minute = 0; minute < 5; minute++) await audit.append(entryAt(minute), `e${minute}`);
    await audit.append(entryAt(4), 'e4');
    const first = await audit.list('tenant-a', { limit: 3 });
    expect(first.items.map((e) => e.at.slice(14, 16))).toEqual(['04', '03', '02']);
    const second = await audit.list('tenant-a', {
      limit: 3,
      ...(first.cursor ? { cursor: first.cursor } : {}),
    });
    expect(second.items.map((e) => e.at.slice(14, 16))).toEqual(['01', '00']);
  });

  it('keeps the earliest complaint per suppressed address', async () => {
    const { suppressions } = await backend.fresh();
    const add = (firstAt: string, reportId: string) =>
      suppressions.add([{ tenantId: 'tenant-a', address: 'bob@example.net', firstAt, reportId }]);
    await add('2026-11-20T10:00:00.000Z', 'later');
    await add('2026-11-19T10:00:00.000Z', 'earlier');
    await add('2026-11-21T10:00:00.000Z', 'latest');
    expect((await suppressions.list('tenant-a')).items).toEqual([
      {
        tenantId: 'tenant-a',
        address: 'bob@example.net',
        firstAt: '2026-11-19T10:00:00.000Z',
        reportId: 'earlier',
      },
    ]);
    expect(await suppressions.isSuppressed('tenant-a', 'Bob@Example.net')).toBe(true);
    expect(await suppressions.isSuppressed('tenant-b', 'bob@example.net')).toBe(false);
  });
});
