/** The README's quick start, in process: import the example tenants, ingest the sample report, show it. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../local/cli/main.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SAMPLE = join(ROOT, 'test/fixtures/parse/arf-rfc5965-standard.eml');
const TENANTS = join(ROOT, 'examples/tenants.json');
const dataDir = mkdtempSync(join(tmpdir(), 'abuse-intake-quick-start-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function run(args: string[]): Promise<{ code: number; stdout: string }> {
  const chunks: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  const writeErr = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string) => chunks.push(String(chunk)) > 0) as typeof process.stdout.write;
  process.stderr.write = (() => true) as typeof process.stderr.write;
  const before = process.exitCode;
  try {
    return { code: await main(args), stdout: chunks.join('') };
  } finally {
    process.stdout.write = write;
    process.stderr.write = writeErr;
    process.exitCode = before;
  }
}

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
