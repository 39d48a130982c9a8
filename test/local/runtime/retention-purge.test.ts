import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestDirect } from '../../../local/ingest/ingest-direct.ts';
import { createLocalServices } from '../../../local/runtime/local-services.ts';
import { openLocalStores } from '../../../local/runtime/open-local-stores.ts';
import { purgeExpired } from '../../../local/runtime/retention-purge.ts';
import { createDynamoRecordStore } from '../../../shared/adapters/dynamodb/record-store.ts';
import {
  BUCKET_RETENTION_DAYS,
  bucketExpiry,
  bucketKey,
  bucketPartition,
} from '../../../shared/adapters/dynamodb/score-keys.ts';
import { createDynamoStandingStore } from '../../../shared/adapters/dynamodb/standing-store.ts';
import type { TableNames } from '../../../shared/adapters/dynamodb/tables.ts';
import { createDynamoTenantDirectory } from '../../../shared/adapters/dynamodb/tenant-directory-store.ts';
import { createFileRawMailStore } from '../../../shared/adapters/file/file-raw-mail-store.ts';
import { BUCKET_SHARDS } from '../../../shared/core/score/bucket.ts';
import { sampleReport, sampleSubmission, sampleTenant } from '../../adapters/dynamodb/sample-records.ts';
import { demoDataDir, globexComplaint } from '../../e2e/local-harness.ts';
import { createTestTables, type DynamoBackend, startDynalite } from '../../support/dynamodb.ts';

const DAY_MS = 86_400_000;
const dataDir = demoDataDir();
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('purgeExpired', () => {
  it('keeps what retention allows and deletes records and raw mail past it', async () => {
    const stores = await openLocalStores({ dataDir, env: {} });
    try {
      const services = createLocalServices(stores);
      const mail = globexComplaint().raw;
      const summary = await ingestDirect([{ label: 'one', read: async () => Buffer.from(mail) }], services);
      expect(summary.accepted).toBe(1);
      const [submission] = (await services.records.listSubmissions({ limit: 5 })).items;
      const id = submission?.submissionId ?? '';
      const options = {
        client: stores.client,
        tables: stores.tables,
        rawMail: services.rawMail,
        retentionDays: 180,
      };

      const early = await purgeExpired({ ...options, now: Date.now() + 10 * DAY_MS });
      expect(early).toMatchObject({ rawMails: 0, items: { reports: 0 } });
      expect(await services.records.getSubmission(id)).toBeDefined();

      const old = new Date(Date.now() - 181 * DAY_MS);
      utimesSync(join(services.rawMail.dir, `${id}.eml`), old, old);
      const late = await purgeExpired({ ...options, now: Date.now() + 181 * DAY_MS });
      expect(late.rawMails).toBe(1);
      expect(late.items['reports']).toBeGreaterThan(0);
      expect(await services.records.getSubmission(id)).toBeUndefined();
      expect(await services.rawMail.get(id)).toBeUndefined();
    } finally {
      await stores.close();
    }
  });
});

const NOW = Date.parse('2026-11-25T12:00:00.000Z');
const RETENTION_DAYS = 180;
const iso = (daysAgo: number) => new Date(NOW - daysAgo * DAY_MS).toISOString();
/** expiresAt as the intake sets it: received time plus the retention, in epoch seconds. */
const expiry = (daysAgo: number) => Math.floor((NOW - (daysAgo - RETENTION_DAYS) * DAY_MS) / 1000);

describe('purgeExpired without a Scan', () => {
  let backend: DynamoBackend;
  let tables: TableNames;
  let sent: string[];
  const rawDir = mkdtempSync(join(tmpdir(), 'abuse-intake-purge-'));

  beforeAll(async () => {
    backend = await startDynalite();
    tables = await createTestTables(backend.client);
    sent = [];
    backend.client.middlewareStack.add(
      (next, context) => async (args) => {
        sent.push(String(context.commandName));
        return next(args);
      },
      { step: 'initialize', name: 'countCommands' },
    );
    const records = createDynamoRecordStore({ client: backend.client, tableName: tables.reports });
    // Forty reports per age so that every write shard of each day holds some; ages straddle the cutoff.
    const ages = { old: 400, expired: 181, fresh: 179, today: 0 };
    for (const [label, age] of Object.entries(ages)) {
      await records.putReports(
        Array.from({ length: 40 }, (_, i) =>
          sampleReport(`${label}-${i}`, { receivedAt: iso(age), expiresAt: expiry(age) }),
        ),
      );
      await records.putSubmission(
        sampleSubmission(`${label}-ok`, { receivedAt: iso(age), expiresAt: expiry(age) }),
      );
      await records.putSubmission(
        sampleSubmission(`${label}-bad`, {
          receivedAt: iso(age),
          expiresAt: expiry(age),
          status: 'unusable',
        }),
      );
    }
    // Kept longer when written (a larger retention then): its own TTL has not passed, so it stays.
    await records.putReports([sampleReport('long-kept', { receivedAt: iso(200), expiresAt: expiry(-30) })]);

    await createDynamoTenantDirectory({ client: backend.client, tableName: tables.tenants }).putTenant(
      sampleTenant('listed'),
    );
    // A tenant deleted from the directory but still ranked in the scores table.
    await createDynamoStandingStore({ client: backend.client, tableName: tables.scores }).raiseScoreRank({
      tenantId: 'ranked-only',
      logScore: 1,
      halfLifeHours: 24,
    });
    for (const tenantId of ['listed', 'ranked-only']) {
      for (const [label, age] of [
        ['old', BUCKET_RETENTION_DAYS + 5],
        ['fresh', BUCKET_RETENTION_DAYS - 5],
      ] as const) {
        for (let shard = 0; shard < BUCKET_SHARDS; shard++) {
          await putBucket(tenantId, shard, iso(age), `${label}`);
        }
      }
    }
    sent.length = 0;
  });
  afterAll(async () => {
    await backend?.stop();
    rmSync(rawDir, { recursive: true, force: true });
  });

  async function putBucket(tenantId: string, shard: number, windowStart: string, label: string) {
    const { pk, sk } = bucketKey({ tenantId, shard, windowStart });
    await backend.client.send(
      new PutItemCommand({
        TableName: tables.scores,
        Item: {
          pk: { S: pk },
          sk: { S: sk },
          label: { S: label },
          expiresAt: { N: String(bucketExpiry(windowStart)) },
        },
      }),
    );
  }

  async function bucketLabels(tenantId: string): Promise<string[]> {
    const labels: string[] = [];
    for (let shard = 0; shard < BUCKET_SHARDS; shard++) {
      const { Items } = await backend.client.send(
        new QueryCommand({
          TableName: tables.scores,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': { S: bucketPartition(tenantId, shard) } },
        }),
      );
      labels.push(...(Items ?? []).map((item) => item['label']?.S ?? ''));
    }
    return labels.sort();
  }

  const purge = () =>
    purgeExpired({
      client: backend.client,
      tables,
      rawMail: createFileRawMailStore({ dir: rawDir }),
      retentionDays: RETENTION_DAYS,
      now: NOW,
    });

  it('deletes reports, submissions and score buckets past their TTL, keeps the rest, and never scans', async () => {
    const result = await purge();
    expect(result.items).toEqual({ reports: 2 * (40 + 2), scores: 2 * BUCKET_SHARDS });
    expect(sent).not.toContain('ScanCommand');
    expect(sent).toContain('QueryCommand');

    const records = createDynamoRecordStore({ client: backend.client, tableName: tables.reports });
    for (const gone of ['old-0', 'old-39', 'expired-0', 'expired-39'])
      expect(await records.getReport(gone), gone).toBeUndefined();
    for (const kept of ['fresh-0', 'fresh-39', 'today-0', 'today-39', 'long-kept'])
      expect(await records.getReport(kept), kept).toBeDefined();
    for (const gone of ['old-ok', 'old-bad', 'expired-ok', 'expired-bad'])
      expect(await records.getSubmission(gone), gone).toBeUndefined();
    for (const kept of ['fresh-ok', 'fresh-bad', 'today-ok', 'today-bad'])
      expect(await records.getSubmission(kept), kept).toBeDefined();
    expect(await bucketLabels('listed')).toEqual(Array(BUCKET_SHARDS).fill('fresh'));
    expect(await bucketLabels('ranked-only')).toEqual(Array(BUCKET_SHARDS).fill('fresh'));

    sent.length = 0;
    const again = await purge();
    expect(again.items).toEqual({ reports: 0, scores: 0 });
    expect(sent).not.toContain('ScanCommand');
  });
});

describe('the Scan invariant', () => {
  it('holds in every runtime source file: no ScanCommand outside tests', () => {
    const root = join(import.meta.dirname, '../../..');
    const offenders: string[] = [];
    for (const dir of ['shared', 'local', 'functions', 'infra']) {
      for (const file of readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })) {
        if (!/\.(ts|mjs|js)$/.test(file)) continue;
        if (/\bScanCommand\b/.test(readFileSync(join(root, dir, file), 'utf8')))
          offenders.push(`${dir}/${file}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
