import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEVIATION_CODES, UNUSABLE_REASON_CODES } from '../../../shared/core/parse/index.ts';
import { FIXTURE_DIR, parseFixture } from './fixture.ts';

describe('reason and deviation codes', () => {
  it('emits only the documented codes on every fixture', () => {
    const names = readdirSync(FIXTURE_DIR).filter((name) => !name.endsWith('.md'));
    for (const name of names) {
      const submission = parseFixture(name);
      if (submission.unusableReason) {
        expect(UNUSABLE_REASON_CODES as readonly string[], name).toContain(submission.unusableReason.code);
      }
      for (const deviation of submission.deviations) {
        expect(DEVIATION_CODES as readonly string[], name).toContain(deviation.code);
      }
    }
  });
});
