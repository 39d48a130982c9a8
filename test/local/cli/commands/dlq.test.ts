import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../run-cli.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'abuse-intake-dlq-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('dlq replay', () => {
  it('names the ids that are not dead letters and exits 1', async () => {
    const result = await runCli(['dlq', 'replay', 'no-such-submission', '--data-dir', dataDir]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('replayed 0 dead letters');
    expect(result.stderr).toContain('not among the dead letters (see `dlq list`): no-such-submission');
  });
});
