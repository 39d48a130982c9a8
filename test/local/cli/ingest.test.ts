import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { joinMbox } from '../../../local/ingest/mbox.ts';
import { demoDataDir, globexComplaint } from '../../e2e/local-harness.ts';
import { runCli as run } from './run-cli.ts';

const FIXTURES = fileURLToPath(new URL('../../fixtures/parse/', import.meta.url));
const dataDir = demoDataDir();
const inputs = mkdtempSync(join(tmpdir(), 'abuse-intake-ingest-'));
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(inputs, { recursive: true, force: true });
});

describe('abuse-intake ingest', () => {
  it('feeds an mbox and an .eml through the pipeline and summarises kinds, unusable reasons and attribution', async () => {
    writeFileSync(
      join(inputs, 'feed.mbox'),
      joinMbox([Buffer.from(globexComplaint().raw), Buffer.from(globexComplaint().raw)]),
    );
    writeFileSync(
      join(inputs, 'bounce.eml'),
      'From: MAILER-DAEMON@isp.example\r\nSubject: Undelivered\r\n\r\n\r\n',
    );
    const { code, stdout } = await run([
      'ingest',
      join(inputs, 'feed.mbox'),
      join(inputs, 'bounce.eml'),
      '--data-dir',
      dataDir,
      '--json',
    ]);
    expect(code).toBe(0);
    const summary = JSON.parse(stdout);
    expect(summary).toMatchObject({ total: 3, accepted: 3, reports: 2, failed: [] });
    expect(summary.byKind).toMatchObject({ unusable: 1 });
    expect(summary.attributed + summary.unattributed).toBe(2);
    expect(Object.values(summary.unusable as Record<string, number>)).toEqual([1]);
  });

  it('lists the ingested reports with filters, as CSV', async () => {
    const { code, stdout } = await run([
      'reports',
      'list',
      '--data-dir',
      dataDir,
      '--sender-domain',
      'globex-news.test',
      '--csv',
    ]);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^reportId,submissionId,receivedAt,tenantId/);
    expect(lines).toHaveLength(3);
  });

  it('shows unusable submissions with their reason', async () => {
    const { stdout } = await run([
      'submissions',
      'list',
      '--status',
      'unusable',
      '--data-dir',
      dataDir,
      '--json',
    ]);
    const rows = JSON.parse(stdout) as { kind: string; reason: { code: string } }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]?.reason.code).toMatch(/\S/);
  });

  it('takes from a folder every file parse takes (X-ARF .json too) and reports what it skipped', async () => {
    const folder = join(inputs, 'folder');
    mkdirSync(folder);
    copyFileSync(join(FIXTURES, 'xarf-v4-json-bare.json'), join(folder, 'xarf.json'));
    writeFileSync(join(folder, 'README.md'), '# notes about these mails');
    const { code, stdout } = await run(['ingest', folder, '--data-dir', dataDir]);
    expect(code).toBe(0);
    expect(stdout).toContain('accepted 1 of 1 mails');
    expect(stdout).toContain('by kind:    xarf 1');
    expect(stdout).toContain('skipped 1 file (1 documentation (.md/.tsv))');
  });

  it('exits non-zero when a path cannot be read', async () => {
    const { code, stdout } = await run(['ingest', join(inputs, 'missing.eml'), '--data-dir', dataDir]);
    expect(code).toBe(1);
    expect(stdout).toContain('FAILED');
  });
});
