import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../local/cli/main.ts';

const FIXTURES = fileURLToPath(new URL('../../fixtures/parse/', import.meta.url));

function captureStdout(): { text: () => string } {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
    return true;
  });
  return { text: () => out };
}

describe('abuse-intake parse', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('prints a summary table of a directory with totals by kind', async () => {
    const stdout = captureStdout();
    expect(await main(['parse', '--summary', FIXTURES])).toBe(0);
    const text = stdout.text();
    expect(text).toMatch(/^file\s+kind\s+msgs\s+feedback\s+devs\s+reason\s+ms/);
    expect(text).toMatch(/arf-rfc5965-standard\.eml\s+arf\s+1\s+abuse\s+0/);
    expect(text).toMatch(/dsn-multipart-report-delivery-status\.eml\s+unusable\s+0\s+0\s+dsn/);
    expect(text).toMatch(/xarf-mail-v02-yaml\.eml\s+xarf\s+1\s+abuse\/spam/);
    expect(text).not.toContain('SOURCES.md');
    expect(text).toMatch(/\d+ files: .*arf \d+.*; [\d.]+ ms parsing/);
  });

  it('prints each submission as JSON with the body length instead of its bytes', async () => {
    const stdout = captureStdout();
    expect(await main(['parse', `${FIXTURES}arf-rfc5965-standard.eml`])).toBe(0);
    const printed = JSON.parse(stdout.text());
    expect(printed.submission.kind).toBe('arf');
    expect(printed.submission.messages[0].rawBodyLength).toBe(10);
    expect(printed.submission.messages[0].rawBody).toBeUndefined();
  });

  it('visits each directory once when a symlink loops back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parse-cli-'));
    try {
      mkdirSync(join(dir, 'sub'));
      copyFileSync(`${FIXTURES}arf-rfc5965-standard.eml`, join(dir, 'report.eml'));
      symlinkSync(dir, join(dir, 'sub', 'back'));
      const stdout = captureStdout();
      expect(await main(['parse', '--summary', dir])).toBe(0);
      expect(stdout.text()).toContain('1 files: arf 1');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
