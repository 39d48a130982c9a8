import { describe, expect, it } from 'vitest';
import { REMEDIATION_CHECKLIST } from '../../shared/core/model/index.ts';
import { parseLiftBody } from '../../shared/http/lift-request.ts';

describe('parseLiftBody', () => {
  it('names every problem of a lift request at once', () => {
    const parsed = parseLiftBody({ reason: 'ok', checklist: ['mfa'], kind: 'all' });
    expect(parsed.ok).toBe(false);
    const reason = parsed.ok ? '' : parsed.reason;
    expect(reason).toContain('reason must be 3 to 2000 characters.');
    expect(reason).toContain('checklist has unknown items (mfa)');
    expect(reason).toContain(`checklist must confirm: ${REMEDIATION_CHECKLIST.join(', ')}.`);
    expect(reason).toContain('kind must be one of');
  });

  it('accepts a reason with the whole checklist', () => {
    expect(parseLiftBody({ reason: 'secured', checklist: [...REMEDIATION_CHECKLIST] })).toEqual({
      ok: true,
      value: { reason: 'secured', checklist: [...REMEDIATION_CHECKLIST] },
    });
  });
});
