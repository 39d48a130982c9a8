import { describe, expect, it } from 'vitest';
import {
  DEFAULT_POLICY,
  PolicyError,
  parseScoringPolicy,
  resolvePolicy,
} from '../../../shared/core/score/policy.ts';

describe('scoring policy', () => {
  it('warns at half the restrict threshold by default', () => {
    expect(DEFAULT_POLICY.warnThreshold).toBe(DEFAULT_POLICY.restrictThreshold / 2);
  });

  it('keeps warn at 50 % when a tenant overrides only the restrict threshold', () => {
    expect(resolvePolicy(DEFAULT_POLICY, { restrictThreshold: 60 })).toMatchObject({
      restrictThreshold: 60,
      warnThreshold: 30,
    });
  });

  it('applies every per-tenant override and leaves the rest at the platform’s values', () => {
    const policy = resolvePolicy(DEFAULT_POLICY, {
      warnThreshold: 5,
      restrictThreshold: 12,
      unregisteredDomainThreshold: 3,
      halfLifeHours: 48,
      dailySendingVolume: 10_000,
    });
    expect(policy).toEqual({
      ...DEFAULT_POLICY,
      warnThreshold: 5,
      restrictThreshold: 12,
      unregisteredDomainThreshold: 3,
      halfLifeHours: 48,
      dailySendingVolume: 10_000,
    });
  });

  it('merges configured fields over the defaults field by field', () => {
    const policy = parseScoringPolicy({ restrictThreshold: 30, feedbackWeights: { other: 0.2 } });
    expect(policy.restrictThreshold).toBe(30);
    expect(policy.feedbackWeights).toEqual({ ...DEFAULT_POLICY.feedbackWeights, other: 0.2 });
  });

  it('names the field of bad configuration', () => {
    expect(() => parseScoringPolicy({ halfLifeHours: 'a day' })).toThrow(
      new PolicyError('policy.halfLifeHours: expected a non-negative number'),
    );
    expect(() => parseScoringPolicy({ feedbackWeight: {} })).toThrow(/policy.feedbackWeight: unknown field/);
    expect(() => parseScoringPolicy({ confidenceFactors: { weak: 0.5 } })).toThrow(
      /weak attribution never restricts/,
    );
    expect(() => parseScoringPolicy({ warnThreshold: 50 })).toThrow(
      /must not exceed policy.restrictThreshold/,
    );
  });
});
