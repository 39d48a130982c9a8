import { describe, expect, it } from 'vitest';
import { hasRole } from '../../../shared/http/auth/roles.ts';

describe('hasRole', () => {
  it('lets manage do everything, read only read, and none nothing', () => {
    expect(hasRole({ actor: 'a', role: 'manage' }, 'manage')).toBe(true);
    expect(hasRole({ actor: 'a', role: 'manage' }, 'read')).toBe(true);
    expect(hasRole({ actor: 'a', role: 'read' }, 'read')).toBe(true);
    expect(hasRole({ actor: 'a', role: 'read' }, 'manage')).toBe(false);
    expect(hasRole({ actor: 'a', role: 'none' }, 'read')).toBe(false);
    expect(hasRole({ actor: 'a', role: 'none' }, 'manage')).toBe(false);
  });
});
