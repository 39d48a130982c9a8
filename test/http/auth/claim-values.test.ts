import { describe, expect, it } from 'vitest';
import { claimValues } from '../../../shared/http/auth/claim-values.ts';

describe('claimValues', () => {
  it('reads a JSON array claim, keeping only non-empty strings', () => {
    expect(claimValues(['abuse-analysts', 'abuse-leads', 7, '', null])).toEqual([
      'abuse-analysts',
      'abuse-leads',
    ]);
  });

  it('reads a space-separated scope string (RFC 8693 §4.2)', () => {
    expect(claimValues('openid  abuse/read abuse/manage')).toEqual(['openid', 'abuse/read', 'abuse/manage']);
  });

  it('reads the bracketed text API Gateway makes of array claims', () => {
    expect(claimValues('[abuse-analysts abuse-leads]')).toEqual(['abuse-analysts', 'abuse-leads']);
    expect(claimValues('[abuse-leads]')).toEqual(['abuse-leads']);
    expect(claimValues('[]')).toEqual([]);
  });

  it('reads a comma-separated string and a single value', () => {
    expect(claimValues('abuse-analysts,abuse-leads')).toEqual(['abuse-analysts', 'abuse-leads']);
    expect(claimValues('abuse-leads')).toEqual(['abuse-leads']);
  });

  it('finds no values in a missing, numeric, boolean or object claim', () => {
    expect(claimValues(undefined)).toEqual([]);
    expect(claimValues(42)).toEqual([]);
    expect(claimValues(true)).toEqual([]);
    expect(claimValues({ groups: ['abuse-leads'] })).toEqual([]);
  });
});
