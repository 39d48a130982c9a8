import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { directoryFromFile, explainAttribution } from '../../../../local/cli/commands/attribute.ts';
import { main } from '../../../../local/cli/main.ts';
import { deliver, platformMessage, TEST_PLATFORM } from '../../../support/mail-builder.ts';

const CORPUS_ARF = join(import.meta.dirname, '../../../fixtures/cli/arf-agent-abuse.eml');
const NOW = '2026-11-25T00:00:00.000Z';

/** A minimal ARF report wrapping `original`. */
function arf(original: string): Uint8Array {
  return new TextEncoder().encode(
    [
      'From: fbl@feedback.example.net',
      'To: junk@platform.example',
      'Subject: report',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=feedback-report; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain',
      '',
      'abuse report',
      '--b',
      'Content-Type: message/feedback-report',
      '',
      'Feedback-Type: abuse',
      'User-Agent: Test/1',
      'Version: 1',
      '',
      '--b',
      'Content-Type: message/rfc822',
      '',
      original,
      '--b--',
      '',
    ].join('\r\n'),
  );
}

describe('abuse-intake attribute', () => {
  let dir: string;
  let tenantsFile: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'abuse-intake-attribute-'));
    tenantsFile = join(dir, 'tenants.yaml');
    writeFileSync(
      tenantsFile,
      'tenants:\n  - tenantId: acme\n    name: Acme\n    acceptedDomains: [{ domain: acme.example, includeSubdomains: false }]\n',
    );
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('explains a proven attribution signal by signal, naming the deciding one', async () => {
    const raw = arf(deliver(platformMessage({ tenantId: 'acme' })).toString());
    const { text, usable } = await explainAttribution(
      raw,
      directoryFromFile(tenantsFile, NOW),
      TEST_PLATFORM,
    );
    expect(usable).toBe(true);
    expect(text).toContain('attributed: tenant acme, confidence proven');
    expect(text).toContain('<- decided');
    expect(text).toMatch(/\[proof\] tenant-header acme/);
  });

  it('explains a corpus ARF sample of foreign mail as unattributed with a reason', async () => {
    const { text, usable } = await explainAttribution(
      readFileSync(CORPUS_ARF),
      directoryFromFile(tenantsFile, NOW),
      TEST_PLATFORM,
    );
    expect(usable).toBe(true);
    expect(text).toContain('submission: arf');
    expect(text).toContain('unattributed: not-our-mail');
  });

  it('says why a submission is unusable and exits non-zero', async () => {
    let out = '';
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      out += String(chunk);
      return true;
    });
    const garbage = join(dir, 'garbage.eml');
    writeFileSync(garbage, Buffer.from([0, 1, 2, 3]));
    try {
      const code = await main(['attribute', garbage, '--tenants', tenantsFile, '--data-dir', dir]);
      expect(code).toBe(1);
      expect(out).toMatch(/^unusable: /m);
    } finally {
      spy.mockRestore();
      process.exitCode = undefined;
    }
  });

  it('uses the tenant directory of the data directory when no tenants file is given', async () => {
    const dataDir = join(dir, 'data');
    let out = '';
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      out += String(chunk);
      return true;
    });
    const report = join(dir, 'report.eml');
    writeFileSync(report, arf(deliver(platformMessage({ tenantId: 'acme' })).toString()));
    try {
      expect(await main(['tenants', 'import', tenantsFile, '--data-dir', dataDir])).toBe(0);
      expect(await main(['attribute', report, '--data-dir', dataDir])).toBe(0);
      // The default platform has no signing keys: the tenant header cannot be proven, only seen.
      expect(out).toContain('message 0');
      expect(out).toContain('tenant-header');
    } finally {
      spy.mockRestore();
      process.exitCode = undefined;
    }
  });
});
