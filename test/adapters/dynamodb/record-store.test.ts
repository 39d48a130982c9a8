import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidCursorError } from '../../../shared/adapters/dynamodb/page-cursor.ts';
import { createDynamoRecordStore } from '../../../shared/adapters/dynamodb/record-store.ts';
import type { RecordStore } from '../../../shared/core/ports.ts';
import { createTestTables, DYNAMO_BACKENDS, type DynamoBackend } from '../../support/dynamodb.ts';
import { sampleReport, sampleSubmission } from './sample-records.ts';

/** ISO time `minutes` after 2026-11-20T10:00Z. */
const at = (minutes: number) => new Date(Date.UTC(2026, 10, 20, 10, minutes)).toISOString();

describe.each(DYNAMO_BACKENDS)('DynamoDB record store on $name', ({ start }) => {
  let backend: DynamoBackend;
  let store: RecordStore;

  beforeAll(async () => {
    backend = await start();
  });
  afterAll(async () => {
    await backend?.stop();
  });

  async function freshStore(): Promise<RecordStore> {
    const names = await createTestTables(backend.client);
    store = createDynamoRecordStore({ client: backend.client, tableName: names.reports });
    return store;
  }

  it('gets a submission and a report by id exactly as they were put', async () => {
    await freshStore();
    const report = sampleReport('r1');
    const submission = sampleSubmission('s1', { reportIds: ['r1'], subject: 'Spam report' });
    await store.putReports([report]);
    await store.putSubmission(submission);
    expect(await store.getReport('r1')).toEqual(report);
    expect(await store.getSubmission('s1')).toEqual(submission);
    expect(await store.getReport('missing')).toBeUndefined();
    expect(await store.getSubmission('missing')).toBeUndefined();
  });

  it('writes the same records twice without duplicating them', async () => {
    await freshStore();
    const reports = [0, 1, 2].map((i) => sampleReport(`dup-${i}`, { receivedAt: at(i) }));
    await store.putReports(reports);
    await store.putReports(reports);
    await store.putSubmission(sampleSubmission('dup'));
    await store.putSubmission(sampleSubmission('dup'));
    const page = await store.queryReports({ index: { by: 'tenant', tenantId: 'acme' } });
    expect(page.items.map((r) => r.reportId)).toEqual(['dup-2', 'dup-1', 'dup-0']);
    expect((await store.listSubmissions({})).items).toHaveLength(1);
  });

  it('moves a rewritten report to its new tenant when reprocessing changes the attribution', async () => {
    await freshStore();
    await store.putReports([sampleReport('moved', { tenantId: 'before' })]);
    await store.putReports([sampleReport('moved', { tenantId: 'after' })]);
    expect((await store.queryReports({ index: { by: 'tenant', tenantId: 'before' } })).items).toEqual([]);
    expect((await store.queryReports({ index: { by: 'tenant', tenantId: 'after' } })).items).toHaveLength(1);
  });

  it('deletes reports by id from the table and every index, ignoring ids it does not hold', async () => {
    await freshStore();
    await store.putReports([sampleReport('keep'), sampleReport('drop')]);
    await store.deleteReports?.(['drop', 'never-existed']);
    expect(await store.getReport('drop')).toBeUndefined();
    expect(await store.getReport('keep')).toBeDefined();
    const page = await store.queryReports({ index: { by: 'tenant', tenantId: 'acme' } });
    expect(page.items.map((r) => r.reportId)).toEqual(['keep']);
  });

  it('writes more reports than one BatchWriteItem takes', async () => {
    await freshStore();
    const reports = Array.from({ length: 60 }, (_, i) => sampleReport(`many-${i}`, { receivedAt: at(i) }));
    await store.putReports(reports);
    const page = await store.queryReports({ index: { by: 'tenant', tenantId: 'acme' }, limit: 500 });
    expect(page.items).toHaveLength(60);
    expect(page.cursor).toBeUndefined();
  });

  it('serves every report index, newest first', async () => {
    await freshStore();
    await store.putReports([
      sampleReport('a', { receivedAt: at(1) }),
      sampleReport('b', {
        receivedAt: at(2),
        tenantId: 'other',
        sourceIp: '2001:DB8::1',
        senderDomain: 'Other.example',
        senderAddress: 'Bob@Other.example',
        reporter: { domain: 'isp.example' },
        fingerprint: 'fp-shared',
      }),
      sampleReport('c', { receivedAt: '2026-11-21T08:00:00.000Z', fingerprint: 'fp-shared' }),
    ]);
    const ids = async (index: Parameters<RecordStore['queryReports']>[0]['index']) =>
      (await store.queryReports({ index })).items.map((r) => r.reportId);
    expect(await ids({ by: 'tenant', tenantId: 'acme' })).toEqual(['c', 'a']);
    expect(await ids({ by: 'source-ip', sourceIp: '2001:db8::1' })).toEqual(['b']);
    expect(await ids({ by: 'source-ip', sourceIp: '192.0.2.10' })).toEqual(['c', 'a']);
    expect(await ids({ by: 'sender-domain', senderDomain: 'other.example' })).toEqual(['b']);
    expect(await ids({ by: 'sender-address', senderAddress: 'bob@other.example' })).toEqual(['b']);
    expect(await ids({ by: 'reporter', reporterDomain: 'ISP.example' })).toEqual(['b']);
    expect(await ids({ by: 'reporter', reporterDomain: 'feedback.example.net' })).toEqual(['c', 'a']);
    expect(await ids({ by: 'fingerprint', fingerprint: 'fp-shared' })).toEqual(['c', 'b']);
    expect(await ids({ by: 'received', day: '2026-11-20' })).toEqual(['b', 'a']);
    expect(await ids({ by: 'received', day: '2026-11-21' })).toEqual(['c']);
  });

  it('finds reports by Message-ID in any case, with or without angle brackets, and only those', async () => {
    await freshStore();
    await store.putReports([
      sampleReport('m1', { receivedAt: at(1), messageId: '<Campaign-7@Mail.Example>' }),
      sampleReport('m2', { receivedAt: at(2), messageId: 'campaign-7@mail.example' }),
      sampleReport('m3', { receivedAt: at(3), messageId: '<other@mail.example>' }),
      sampleReport('m4', { receivedAt: at(4), messageId: undefined }),
    ]);
    const ids = async (messageId: string) =>
      (await store.queryReports({ index: { by: 'message-id', messageId } })).items.map((r) => r.reportId);
    expect(await ids('campaign-7@mail.example')).toEqual(['m2', 'm1']);
    expect(await ids('<CAMPAIGN-7@mail.example>')).toEqual(['m2', 'm1']);
    expect(await ids('other@mail.example')).toEqual(['m3']);
    expect(await ids('absent@mail.example')).toEqual([]);
    expect(await ids('<>')).toEqual([]);
  });

  it('indexes a Message-ID longer than an index key may be under its hash, and finds it', async () => {
    await freshStore();
    // 700 two-byte characters: 1,400 bytes normalised, over the verbatim limit; 2,100 bytes as written (upper case).
    const long = `<${'É'.repeat(700)}@mail.example>`;
    await store.putReports([sampleReport('long', { messageId: long })]);
    const page = await store.queryReports({ index: { by: 'message-id', messageId: long.toLowerCase() } });
    expect(page.items.map((r) => r.reportId)).toEqual(['long']);
    expect(page.items[0]?.messageId).toBe(long);
  });

  it('moves a rewritten report to its new Message-ID partition when a reprocess changes it', async () => {
    await freshStore();
    await store.putReports([sampleReport('re', { messageId: '<before@mail.example>' })]);
    await store.putReports([sampleReport('re', { messageId: '<after@mail.example>' })]);
    const ids = async (messageId: string) =>
      (await store.queryReports({ index: { by: 'message-id', messageId } })).items.map((r) => r.reportId);
    expect(await ids('before@mail.example')).toEqual([]);
    expect(await ids('after@mail.example')).toEqual(['re']);
    await store.putReports([sampleReport('re', { messageId: undefined })]);
    expect(await ids('after@mail.example')).toEqual([]);
  });

  it('reads a day spread over its write shards back as one newest-first sequence across pages', async () => {
    await freshStore();
    await store.putReports(
      Array.from({ length: 20 }, (_, i) => sampleReport(`d${i}`, { receivedAt: at(i) })),
    );
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.queryReports({
        index: { by: 'received', day: '2026-11-20' },
        limit: 7,
        cursor,
      });
      seen.push(...page.items.map((r) => r.reportId));
      cursor = page.cursor;
    } while (cursor !== undefined);
    expect(seen).toEqual(Array.from({ length: 20 }, (_, i) => `d${19 - i}`));
  });

  it('keeps unattributed reports out of the tenant index but in the others', async () => {
    await freshStore();
    await store.putReports([sampleReport('u', { tenantId: undefined, fingerprint: 'fp-u' })]);
    expect((await store.queryReports({ index: { by: 'tenant', tenantId: 'acme' } })).items).toEqual([]);
    expect(
      (await store.queryReports({ index: { by: 'fingerprint', fingerprint: 'fp-u' } })).items,
    ).toHaveLength(1);
  });

  it('bounds a query by inclusive from and to times', async () => {
    await freshStore();
    await store.putReports([0, 10, 20, 30, 40].map((m) => sampleReport(`t${m}`, { receivedAt: at(m) })));
    const ids = async (from?: string, to?: string) =>
      (await store.queryReports({ index: { by: 'tenant', tenantId: 'acme' }, from, to })).items.map(
        (r) => r.reportId,
      );
    expect(await ids(at(10), at(30))).toEqual(['t30', 't20', 't10']);
    expect(await ids(at(30))).toEqual(['t40', 't30']);
    expect(await ids(undefined, at(10))).toEqual(['t10', 't0']);
  });

  it('pages through a tenant newest first with an opaque cursor, without gaps or repeats', async () => {
    await freshStore();
    await store.putReports(
      Array.from({ length: 23 }, (_, i) => sampleReport(`p${i}`, { receivedAt: at(i) })),
    );
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await store.queryReports({ index: { by: 'tenant', tenantId: 'acme' }, limit: 5, cursor });
      seen.push(...page.items.map((r) => r.reportId));
      cursor = page.cursor;
      pages++;
      if (cursor !== undefined) expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    } while (cursor !== undefined);
    expect(pages).toBe(5);
    expect(seen).toEqual(Array.from({ length: 23 }, (_, i) => `p${22 - i}`));
  });

  it('ends with no cursor when the last page is exactly full', async () => {
    await freshStore();
    await store.putReports(Array.from({ length: 4 }, (_, i) => sampleReport(`e${i}`, { receivedAt: at(i) })));
    const first = await store.queryReports({ index: { by: 'tenant', tenantId: 'acme' }, limit: 2 });
    const second = await store.queryReports({
      index: { by: 'tenant', tenantId: 'acme' },
      limit: 2,
      cursor: first.cursor,
    });
    expect(second.items.map((r) => r.reportId)).toEqual(['e1', 'e0']);
    expect(second.cursor).toBeUndefined();
  });

  it('refuses a cursor it did not issue for this query', async () => {
    await freshStore();
    await store.putReports([0, 1, 2].map((i) => sampleReport(`c${i}`, { receivedAt: at(i) })));
    const page = await store.queryReports({ index: { by: 'tenant', tenantId: 'acme' }, limit: 1 });
    await expect(
      store.queryReports({ index: { by: 'tenant', tenantId: 'other' }, cursor: page.cursor }),
    ).rejects.toBeInstanceOf(InvalidCursorError);
    await expect(
      store.queryReports({ index: { by: 'tenant', tenantId: 'acme' }, cursor: 'not-a-cursor' }),
    ).rejects.toBeInstanceOf(InvalidCursorError);
  });

  it('lists submissions by status and all together, newest first, across pages', async () => {
    await freshStore();
    for (let i = 0; i < 7; i++) {
      const unusable = i % 3 === 0;
      await store.putSubmission(
        sampleSubmission(`s${i}`, {
          receivedAt: at(i),
          status: unusable ? 'unusable' : 'processed',
          kind: unusable ? 'unusable' : 'arf',
          ...(unusable ? { reason: { code: 'dsn', message: 'a delivery status notification' } } : {}),
        }),
      );
    }
    const unusable = await store.listSubmissions({ status: 'unusable' });
    expect(unusable.items.map((s) => s.submissionId)).toEqual(['s6', 's3', 's0']);
    expect(unusable.items[0]?.reason?.code).toBe('dsn');
    const processed = await store.listSubmissions({ status: 'processed' });
    expect(processed.items.map((s) => s.submissionId)).toEqual(['s5', 's4', 's2', 's1']);
    const all: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.listSubmissions({ limit: 3, cursor });
      all.push(...page.items.map((s) => s.submissionId));
      cursor = page.cursor;
    } while (cursor !== undefined);
    expect(all).toEqual(['s6', 's5', 's4', 's3', 's2', 's1', 's0']);
  });
});
