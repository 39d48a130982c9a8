import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { childExit, hasExited } from '../../support/child-exit.ts';

const CHILD = join(import.meta.dirname, 'start-and-stop-server.ts');
/** A cold tsx + dynalite start on a loaded 2-core machine; far beyond it, something keeps the process alive. */
const EXIT_TIMEOUT_MS = 90_000;

const dataDir = mkdtempSync(join(tmpdir(), 'abuse-intake-stop-'));
const children: ReturnType<typeof spawn>[] = [];
afterAll(() => {
  for (const child of children) if (!hasExited(child)) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('startServer stop()', () => {
  it(
    'waits for the start-up purge and standing review, so nothing runs after it and the process ends by itself',
    async () => {
      const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir], {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
      });
      children.push(child);
      // The server's log lines go to stdout; stderr (Node's own warnings) only explains a failure.
      let logged = '';
      let stderr = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        logged += chunk.toString('utf8');
      });
      child.stderr?.on('data', (chunk: Buffer) => {
        stderr += chunk.toString('utf8');
      });
      await childExit(child, EXIT_TIMEOUT_MS);
      expect(child.exitCode, stderr).toBe(0);
      // Before stop() waited for them, both background runs reached the closed dynalite here: ECONNREFUSED.
      expect(logged.trim().split('\n')).toEqual(['stopped']);
    },
    EXIT_TIMEOUT_MS + 30_000,
  );
});
