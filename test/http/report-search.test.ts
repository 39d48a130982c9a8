import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDynamoRecordStore } from '../../shared/adapters/dynamodb/record-store.ts';
import type { RecordStore, ReportIndex } from '../../shared/core/ports.ts';
import { matchesFilters, parseReportFilters } from '../../shared/http/report-filters.ts';
import { searchReports } from '../../shared/http/report-search.ts';
import { sampleReport } from '../adapters/dynamodb/sample-records.ts';
import { createTestTables, type DynamoBackend, startDynalite } from '../support/dynamodb.ts';

const NOW = '2026-11-25T12:00:00.000Z';
const DAY_MS = 86_400_000;
const daysAgo = (days: number) => new Date(Date.parse(NOW) - days * DAY_MS).toISOString();

/** A store that records which index each query used, and can pretend to lack the Message-ID index. */
function watched(store: RecordStore, options: { withoutMessageIdIndex?: boolean } = {}) {
  const used: ReportIndex['by'][] = [];
  const wrapped: RecordStore = {
    ...store,
    async queryReports(query) {
      used.push(query.index.by);
      if (options.withoutMessageIdIndex && query.index.by === 'message-id') {
        throw Object.assign(new Error('reports lacks the index for message-id'), {
          name: 'MissingIndexError',
        });
      }
      return store.queryReports(query);
    },
  };
  return { store: wrapped, used };
}

let backend: DynamoBackend;
let records: RecordStore;

beforeAll(async () => {
  backend = await startDynalite();
  const names = await createTestTables(backend.client);
  records = createDynamoRecordStore({ client: backend.client, tableName: names.reports });
  await records.putReports([
    sampleReport('recent', { receivedAt: daysAgo(2), messageId: '<Campaign@Mail.Example>' }),
    sampleReport('older', { receivedAt: daysAgo(200), messageId: '<campaign@mail.example>' }),
    sampleReport('other', { receivedAt: daysAgo(1), messageId: '<other@mail.example>' }),
    ...Array.from({ length: 5 }, (_, i) =>
      sampleReport(`walk-${i}`, { receivedAt: daysAgo(3 + i), messageId: '<walked@mail.example>' }),
    ),
  ]);
});
afterAll(async () => {
  await backend?.stop();
});

describe('searchReports by Message-ID', () => {
  it('queries the Message-ID index alone, finding reports older than the day walk reaches', async () => {
    const { store, used } = watched(records);
    const filters = parseReportFilters({ messageId: '<CAMPAIGN@mail.example>' });
    if (!filters.ok) throw new Error(filters.reason);
    const page = await searchReports(store, filters.value, { limit: 50 }, NOW);
    expect(page.items.map((r) => r.reportId)).toEqual(['recent', 'older']);
    expect(page.cursor).toBeUndefined();
    expect(used).toEqual(['message-id']);
  });

  it('still applies the other filters to what the index returns', async () => {
    const { store } = watched(records);
    const page = await searchReports(
      store,
      { messageId: 'campaign@mail.example', from: daysAgo(30) },
      { limit: 50 },
      NOW,
    );
    expect(page.items.map((r) => r.reportId)).toEqual(['recent']);
  });

  it('walks the received days instead when the store lacks the index, across pages', async () => {
    const { store, used } = watched(records, { withoutMessageIdIndex: true });
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await searchReports(
        store,
        { messageId: 'walked@mail.example' },
        { limit: 2, cursor },
        NOW,
      );
      seen.push(...page.items.map((r) => r.reportId));
      cursor = page.cursor;
      pages++;
    } while (cursor !== undefined && pages < 20);
    expect(seen).toEqual(['walk-0', 'walk-1', 'walk-2', 'walk-3', 'walk-4']);
    expect(pages).toBeGreaterThan(1);
    // Only the first page tried the index; later pages carry the day in their cursor and walk on.
    expect(used.filter((by) => by === 'message-id')).toHaveLength(1);
    expect(used).toContain('received');
  });
});

describe('report filters by Message-ID', () => {
  it('reads messageId without angle brackets or whitespace, lower-case, as the index holds it', () => {
    expect(parseReportFilters({ messageId: ' <Abc@Mail.Example> ' })).toEqual({
      ok: true,
      value: expect.objectContaining({ messageId: 'abc@mail.example' }),
    });
  });

  it('matches a report whatever the case and brackets of its stored Message-ID', () => {
    const report = sampleReport('r', { messageId: '<ABC@mail.example>' });
    expect(matchesFilters(report, { messageId: 'abc@mail.example' })).toBe(true);
    expect(matchesFilters(report, { messageId: '<Abc@Mail.Example>' })).toBe(true);
    expect(matchesFilters(report, { messageId: 'abd@mail.example' })).toBe(false);
    expect(
      matchesFilters(sampleReport('n', { messageId: undefined }), { messageId: 'abc@mail.example' }),
    ).toBe(false);
  });
});
