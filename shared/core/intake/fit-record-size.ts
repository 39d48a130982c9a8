/**
 * Keeps a record within one DynamoDB item (400 KB, keys and index attributes included) whatever hostile mail
 * put in it: long strings are cut and long lists shortened, deterministically, so recording the same mail twice
 * still yields the same record. Short strings (ids, enum values, addresses) are never touched.
 */
import { Buffer } from 'node:buffer';

/** JSON bytes a record may take; the rest of the 400 KB item is keys and index attributes. */
export const MAX_RECORD_BYTES = 300_000;
/** Strings this short are identifiers or enum values: cutting them would change meaning, not just size. */
const UNTOUCHED_STRING_CHARS = 256;
const INITIAL_LIMITS = { stringChars: 16_384, listEntries: 200, totalChars: 150_000 } as const;
/** Each pass halves the limits; 8 passes end far below any budget. */
const MAX_PASSES = 8;

interface Limits {
  readonly stringChars: number;
  readonly listEntries: number;
  readonly totalChars: number;
}

/** `record` unchanged when its JSON fits `maxBytes`, else a copy with long strings cut and long lists shortened. */
export function fitRecordSize<T>(record: T, maxBytes = MAX_RECORD_BYTES): T {
  if (jsonBytes(record) <= maxBytes) return record;
  let limits: Limits = INITIAL_LIMITS;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const budget = { left: limits.totalChars };
    const fitted = cap(record, limits, budget) as T;
    if (jsonBytes(fitted) <= maxBytes) return fitted;
    limits = {
      stringChars: Math.max(UNTOUCHED_STRING_CHARS, Math.floor(limits.stringChars / 2)),
      listEntries: Math.max(1, Math.floor(limits.listEntries / 2)),
      totalChars: Math.floor(limits.totalChars / 2),
    };
  }
  return cap(record, limits, { left: 0 }) as T;
}

function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

function cap(value: unknown, limits: Limits, budget: { left: number }): unknown {
  if (typeof value === 'string') {
    if (value.length <= UNTOUCHED_STRING_CHARS) return value;
    const keep = Math.max(UNTOUCHED_STRING_CHARS, Math.min(value.length, limits.stringChars, budget.left));
    budget.left -= keep;
    return keep < value.length ? value.slice(0, keep) : value;
  }
  if (Array.isArray(value))
    return value.slice(0, limits.listEntries).map((entry) => cap(entry, limits, budget));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value)
        .slice(0, Math.max(limits.listEntries, 64))
        .map(([key, entry]) => [key, cap(entry, limits, budget)]),
    );
  }
  return value;
}
