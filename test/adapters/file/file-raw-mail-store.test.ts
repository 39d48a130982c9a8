import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileRawMailStore } from '../../../shared/adapters/file/file-raw-mail-store.ts';

const dirs: string[] = [];
function freshStore() {
  const dir = mkdtempSync(join(tmpdir(), 'abuse-intake-raw-'));
  dirs.push(dir);
  return createFileRawMailStore({ dir: join(dir, 'raw') });
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('createFileRawMailStore', () => {
  it('stores the bytes exactly and returns a file URL to them', async () => {
    const store = freshStore();
    const bytes = new Uint8Array([0, 13, 10, 255, 65]);
    const location = await store.put('sub-1', bytes);
    expect(fileURLToPath(location)).toBe(join(store.dir, 'sub-1.eml'));
    expect(await store.get('sub-1')).toEqual(bytes);
  });

  it('overwrites idempotently and lists each mail once without temporary files', async () => {
    const store = freshStore();
    await store.put('a', new TextEncoder().encode('one'));
    await store.put('a', new TextEncoder().encode('one'));
    await store.put('b', new TextEncoder().encode('two'));
    const listed = [];
    for await (const item of store.list()) listed.push(item.submissionId);
    expect(listed.sort()).toEqual(['a', 'b']);
    expect(readdirSync(store.dir).sort()).toEqual(['a.eml', 'b.eml']);
  });

  it('answers undefined for a missing mail and deletes on purge', async () => {
    const store = freshStore();
    expect(await store.get('nope')).toBeUndefined();
    await store.put('a', new Uint8Array([1]));
    expect(await store.delete('a')).toBe(true);
    expect(await store.delete('a')).toBe(false);
  });

  it('refuses ids that would leave the directory', async () => {
    const store = freshStore();
    await expect(store.put('../../etc/passwd', new Uint8Array([1]))).rejects.toThrow(RangeError);
    await expect(store.get('.hidden')).rejects.toThrow(RangeError);
  });
});
