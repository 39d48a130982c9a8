import type { ReportRecord } from '../core/model/index.ts';
import type { Page, RecordStore, ReportQuery } from '../core/ports.ts';
import { matchesFilters, primaryIndex, type ReportFilters } from './report-filters.ts';

/** Without `from`, a search without an index walks back this many days of the received-day index. */
export const DEFAULT_SEARCH_DAYS = 30;
/** A walk never covers more days than reports are kept (default retention 180 days, plus margin). */
const MAX_SEARCH_DAYS = 400;
/** Store pages fetched for one API page before returning a short page with a cursor (post-filters may discard). */
const MAX_FETCHES_PER_PAGE = 20;
const DAY_MS = 86_400_000;

interface SearchCursor {
  /** The store's cursor within the current index or day. */
  readonly s?: string;
  /** The day (YYYY-MM-DD) being walked, for searches over the received-day index. */
  readonly d?: string;
}

function encodeCursor(cursor: SearchCursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

function decodeCursor(raw: string | undefined): SearchCursor | undefined {
  if (!raw) return {};
  try {
    const value: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (typeof value !== 'object' || value === null) return undefined;
    const { s, d } = value as Record<string, unknown>;
    if ((s !== undefined && typeof s !== 'string') || (d !== undefined && typeof d !== 'string'))
      return undefined;
    if (d !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(d)) return undefined;
    return { s, d } as SearchCursor;
  } catch {
    return undefined;
  }
}

/** A cursor that does not decode. */
export class InvalidCursorError extends Error {
  override name = 'InvalidCursorError';
}

function previousDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);
}

/**
 * The store raised MissingIndexError (shared/adapters/dynamodb/add-missing-indexes.ts): its table predates the
 * index, which a local data directory on dynalite cannot gain. Matched by name so the API stays store-neutral.
 */
function isMissingIndex(error: unknown): boolean {
  return error instanceof Error && error.name === 'MissingIndexError';
}

/**
 * One page of reports matching the filters, newest first. Uses the most selective index and checks the remaining
 * filters on each item; without any indexed filter (or when the store lacks the chosen index, see isMissingIndex)
 * it walks the received-day index back from `to` (or now).
 */
export async function searchReports(
  records: RecordStore,
  filters: ReportFilters,
  page: { readonly limit: number; readonly cursor?: string },
  now: string,
): Promise<Page<ReportRecord>> {
  const cursor = decodeCursor(page.cursor);
  if (!cursor) throw new InvalidCursorError('cursor does not decode');
  // A cursor carrying a day belongs to a day walk, including one that fell back from a missing index.
  let index = cursor.d === undefined ? primaryIndex(filters) : undefined;
  const lastDay = (
    filters.from ?? new Date(Date.parse(now) - DEFAULT_SEARCH_DAYS * DAY_MS).toISOString()
  ).slice(0, 10);
  let day = cursor.d ?? (filters.to ?? now).slice(0, 10);
  let storeCursor = cursor.s;
  const items: ReportRecord[] = [];
  let daysWalked = 0;
  for (let fetches = 0; fetches < MAX_FETCHES_PER_PAGE; fetches++) {
    const query: ReportQuery = {
      index: index ?? { by: 'received', day },
      from: filters.from,
      to: filters.to,
      limit: page.limit - items.length,
      cursor: storeCursor,
    };
    let result: Page<ReportRecord>;
    try {
      result = await records.queryReports(query);
    } catch (error) {
      if (index === undefined || !isMissingIndex(error)) throw error;
      index = undefined;
      storeCursor = undefined;
      continue;
    }
    items.push(...result.items.filter((report) => matchesFilters(report, filters)));
    storeCursor = result.cursor;
    if (!storeCursor) {
      if (index) return { items };
      day = previousDay(day);
      daysWalked++;
      if (day < lastDay || daysWalked > MAX_SEARCH_DAYS) return { items };
    }
    if (items.length >= page.limit) break;
  }
  return { items, cursor: encodeCursor(index ? { s: storeCursor } : { s: storeCursor, d: day }) };
}

/** Every matching report, newest first, up to `max` (for exports and statistics). */
export async function* iterateReports(
  records: RecordStore,
  filters: ReportFilters,
  now: string,
  max: number,
): AsyncGenerator<ReportRecord> {
  let cursor: string | undefined;
  let yielded = 0;
  do {
    const page = await searchReports(records, filters, { limit: Math.min(500, max - yielded), cursor }, now);
    for (const report of page.items) {
      yield report;
      if (++yielded >= max) return;
    }
    cursor = page.cursor;
  } while (cursor);
}
