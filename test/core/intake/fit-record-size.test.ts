import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitRecordSize, MAX_RECORD_BYTES } from '../../../shared/core/intake/fit-record-size.ts';

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');

describe('fitRecordSize', () => {
  it('returns a record that fits unchanged', () => {
    const record = { id: 'r1', list: ['a', 'b'], nested: { text: 'x'.repeat(10_000) } };
    expect(fitRecordSize(record)).toBe(record);
  });

  it('cuts hostile long strings and lists while keeping ids and enum values intact', () => {
    const record = {
      reportId: 'sub-1-0',
      outcome: 'attributed',
      feedback: {
        reportedUri: Array.from({ length: 1000 }, (_, i) => `https://x.example/${i}/${'p'.repeat(2000)}`),
        extra: Object.fromEntries(
          Array.from({ length: 500 }, (_, i) => [`x-field-${i}`, ['€'.repeat(5000)]]),
        ),
      },
      rawHeaders: `Subject: ${'s'.repeat(500_000)}`,
    };
    const fitted = fitRecordSize(record);
    expect(bytes(fitted)).toBeLessThanOrEqual(MAX_RECORD_BYTES);
    expect(fitted.reportId).toBe('sub-1-0');
    expect(fitted.outcome).toBe('attributed');
    expect(fitted.rawHeaders.startsWith('Subject: sss')).toBe(true);
  });

  it('is deterministic, so recording the same mail twice yields the same record', () => {
    const record = {
      text: 'y'.repeat(400_000),
      list: Array.from({ length: 300 }, (_, i) => `${i}`.repeat(300)),
    };
    expect(fitRecordSize(record)).toEqual(fitRecordSize(record));
  });

  it('always fits records built from arbitrary JSON-like values', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ minLength: 0, maxLength: 40_000, unit: 'binary' }), { maxLength: 40 }),
        (strings) => {
          expect(bytes(fitRecordSize({ strings, nested: { strings } }))).toBeLessThanOrEqual(
            MAX_RECORD_BYTES,
          );
        },
      ),
      { numRuns: 25 },
    );
  });
});
