import { describe, expect, it } from 'vitest';
import { initialStanding } from '../../../shared/core/restrictions/standing.ts';
import { scoreForRate, thresholdsFor } from '../../../shared/core/restrictions/thresholds.ts';
import { DEFAULT_POLICY, resolvePolicy } from '../../../shared/core/score/policy.ts';

const NOW = '2026-11-20T13:00:00.000Z';

describe('thresholds', () => {
  it('are the policy’s when nothing else applies', () => {
    expect(thresholdsFor(DEFAULT_POLICY, initialStanding('t', NOW), NOW)).toEqual({
      warn: 10,
      restrict: 20,
      unregistered: 10,
      clearBelow: 5,
      basis: [],
    });
  });

  it('equate a steady daily complaint rate with the score it decays to', () => {
    // 30 complaints a day, steady, with a 24 h half-life: 30/24 per hour × 24/ln 2 hours ≈ 43.3.
    expect(scoreForRate(0.003, 10_000, 24)).toBeCloseTo(30 / Math.LN2, 9);
  });

  it('lower the thresholds for a small sender whose complaint rate is known, never below the floor', () => {
    const small = resolvePolicy(DEFAULT_POLICY, { dailySendingVolume: 2_000 });
    const thresholds = thresholdsFor(small, initialStanding('t', NOW), NOW);
    expect(thresholds.restrict).toBeCloseTo(scoreForRate(0.003, 2_000, 24), 9);
    expect(thresholds.warn).toBe(5);
    expect(thresholds.basis).toEqual(['complaint-rate']);
  });

  it('leave a large sender at the absolute thresholds', () => {
    const large = resolvePolicy(DEFAULT_POLICY, { dailySendingVolume: 1_000_000 });
    expect(thresholdsFor(large, initialStanding('t', NOW), NOW)).toMatchObject({
      warn: 10,
      restrict: 20,
      basis: [],
    });
  });

  it('halve during probation and return after it', () => {
    const standing = {
      ...initialStanding('t', NOW),
      state: 'probation' as const,
      probationUntil: '2026-12-01T00:00:00.000Z',
    };
    expect(thresholdsFor(DEFAULT_POLICY, standing, NOW)).toMatchObject({
      warn: 5,
      restrict: 10,
      basis: ['probation'],
    });
    expect(thresholdsFor(DEFAULT_POLICY, standing, '2026-12-02T00:00:00.000Z')).toMatchObject({
      restrict: 20,
    });
  });
});
