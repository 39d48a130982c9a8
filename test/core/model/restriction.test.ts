import { describe, expect, it } from 'vitest';
import { REMEDIATION_CHECKLIST, SMTP_REPLIES } from '../../../shared/core/model/index.ts';

describe('restriction vocabulary', () => {
  it('uses Exchange Online’s exact replies for both restriction kinds', () => {
    expect(SMTP_REPLIES['tenant-threshold']).toMatch(/^550 5\.7\.705 /);
    expect(SMTP_REPLIES['unregistered-domains']).toMatch(/^550 5\.7\.750 /);
  });

  it('names five remediation steps, each once', () => {
    expect(new Set(REMEDIATION_CHECKLIST).size).toBe(5);
  });
});
