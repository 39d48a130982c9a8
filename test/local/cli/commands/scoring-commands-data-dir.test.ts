import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../../../local/cli/main.ts';
import { loadLocalConfig } from '../../../../local/config/local-config.ts';
import { createLocalServices } from '../../../../local/runtime/local-services.ts';
import { openDataDir } from '../../../../local/runtime/open-local-stores.ts';
import { scoreReports } from '../../../../shared/core/score/score-reports.ts';
import { testTenant } from '../../../support/in-memory-scoring-stores.ts';
import { reportsFromDistinctReporters } from '../../../support/report-records.ts';

/** Runs the CLI in-process and returns its exit code and what it printed. */
async function run(args: readonly string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    const code = await main(args);
    return { code, out };
  } finally {
    write.mockRestore();
    process.exitCode = undefined;
  }
}

describe('scoring commands on a data directory', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'scoring-cli-'));
    const stores = await openDataDir(loadLocalConfig({ env: {}, overrides: { dataDir } }), 'test setup');
    try {
      const services = createLocalServices(stores);
      await services.directory.putTenant(testTenant('tenant-a'));
      const receivedAt = new Date(Date.now() - 3_600_000).toISOString();
      const reports = reportsFromDistinctReporters(25, {
        receivedAt,
        unregisteredDomains: ['relay.example'],
      });
      await services.records.putReports(reports);
      await scoreReports(reports, services.scoring, new Date().toISOString());
    } finally {
      await stores.close();
    }
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('check answers with the exact SMTP reply and exit status 2 for a restricted tenant', async () => {
    const result = await run([
      'check',
      'tenant-a',
      '--from-domain',
      'tenant-a.example',
      '--data-dir',
      dataDir,
    ]);
    expect(result).toEqual({ code: 2, out: '550 5.7.705 Access denied, tenant has exceeded threshold\n' });
  });

  it('score explains the restriction from the stored reports', async () => {
    const { code, out } = await run(['score', 'tenant-a', '--data-dir', dataDir]);
    expect(code).toBe(0);
    expect(out).toContain('Tenant tenant-a is restricted');
    expect(out).toContain('25 of 25 recent reports count toward a restriction.');
    expect(out).toMatch(/relay\.example {2}NOT registered/);
  });

  it('lift puts the tenant on probation and check then allows it', async () => {
    const checklist =
      'accepted-domains-registered,connectors-reviewed,compromised-accounts-secured,admin-mfa-enabled,on-premises-servers-locked-down';
    const lifted = await run([
      'lift',
      'tenant-a',
      '--reason',
      'secured',
      '--actor',
      'ana',
      '--checklist',
      checklist,
      '--data-dir',
      dataDir,
    ]);
    expect(lifted.code).toBe(0);
    expect(lifted.out).toMatch(/^lifted: tenant-a is on probation until /);
    expect(await run(['check', 'tenant-a', '--from-domain', 'relay.example', '--data-dir', dataDir])).toEqual(
      {
        code: 0,
        out: 'allowed (probation)\n',
      },
    );
    expect((await run(['restrictions', 'list', '--data-dir', dataDir])).out).toBe(
      'no tenant is restricted\n',
    );
    // list is the default subcommand
    expect((await run(['restrictions', '--data-dir', dataDir])).out).toBe('no tenant is restricted\n');
  });
});
