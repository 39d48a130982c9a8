/** The README's quick start, in process: import the example tenants, ingest the sample report, show it. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli as run } from '../local/cli/run-cli.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SAMPLE = join(ROOT, 'test/fixtures/parse/arf-rfc5965-standard.eml');
const TENANTS = join(ROOT, 'examples/tenants.json');
const dataDir = mkdtempSync(join(tmpdir(), 'abuse-intake-quick-start-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('README quick start', () => {
  it('attributes the sample report to the example tenant that owns its From domain', async () => {
    expect((await run(['tenants', 'import', TENANTS, '--data-dir', dataDir])).code).toBe(0);
    const ingest = await run(['ingest', SAMPLE, '--data-dir', dataDir]);
    expect(ingest.code).toBe(0);
    expect(ingest.stdout).toContain('reports:    1 (attributed 1, unattributed 0)');
    const list = await run(['reports', 'list', '--data-dir', dataDir, '--json']);
    const [report] = JSON.parse(list.stdout) as { reportId: string }[];
    const show = await run(['reports', 'show', report?.reportId ?? '', '--data-dir', dataDir]);
    expect(show.stdout).toContain('Attributed to tenant tenant-7 (weak) by dkim-domain');
  });
});
