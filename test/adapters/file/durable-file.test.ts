import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fsyncDirectory, writeFileDurably } from '../../../shared/adapters/file/durable-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'durable-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeFileDurably', () => {
  it('lands every one of many concurrent writes whole, sharing directory fsyncs', async () => {
    await Promise.all(
      Array.from({ length: 40 }, (_, n) => writeFileDurably(join(dir, `f${n}`), `content ${n}`.repeat(100))),
    );
    const names = readdirSync(dir).filter((name) => name.startsWith('f'));
    expect(names).toHaveLength(40);
    for (let n = 0; n < 40; n++) {
      expect(readFileSync(join(dir, `f${n}`), 'utf8')).toBe(`content ${n}`.repeat(100));
    }
    expect(readdirSync(dir).some((name) => name.endsWith('.tmp'))).toBe(false);
  });
});

describe('fsyncDirectory', () => {
  it('rejects for a directory that does not exist, and later syncs of it still run', async () => {
    const missing = join(dir, 'missing');
    const first = fsyncDirectory(missing);
    const queued = fsyncDirectory(missing);
    await expect(first).rejects.toThrow();
    await expect(queued).rejects.toThrow();
    await expect(fsyncDirectory(dir)).resolves.toBeUndefined();
  });
});
