import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { expandPaths } from '../../../local/cli/commands/parse.ts';
import { listMailItems } from '../../../local/ingest/mail-sources.ts';
import { joinMbox } from '../../../local/ingest/mbox.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tree(): string {
  const root = mkdtempSync(join(tmpdir(), 'abuse-intake-sources-'));
  dirs.push(root);
  mkdirSync(join(root, 'folder/nested'), { recursive: true });
  writeFileSync(join(root, 'folder/a.eml'), 'Subject: a\r\n\r\nA\r\n');
  writeFileSync(join(root, 'folder/nested/b.eml'), 'Subject: b\r\n\r\nB\r\n');
  writeFileSync(join(root, 'folder/report.json'), '{"Version":"2","ReporterInfo":{}}');
  writeFileSync(join(root, 'folder/README.md'), '# about these mails');
  writeFileSync(join(root, 'folder/.DS_Store'), 'finder');
  writeFileSync(
    join(root, 'feed.mbox'),
    joinMbox([Buffer.from('Subject: m1\r\n\r\n1\r\n'), Buffer.from('Subject: m2\r\n\r\n2\r\n')]),
  );
  for (const sub of ['cur', 'new', 'tmp']) mkdirSync(join(root, 'Maildir', sub), { recursive: true });
  writeFileSync(join(root, 'Maildir/new/1700000000.M1.host'), 'Subject: new\r\n\r\nN\r\n');
  writeFileSync(join(root, 'Maildir/cur/1700000001.M2.host:2,S'), 'Subject: cur\r\n\r\nC\r\n');
  writeFileSync(join(root, 'Maildir/tmp/1700000002.M3.host'), 'Subject: partial');
  return root;
}

describe('listMailItems', () => {
  it('takes the files parse takes, messages in mbox files and Maildirs, and says what it skipped', async () => {
    const root = tree();
    const { items, problems, skipped } = await listMailItems([
      join(root, 'folder'),
      join(root, 'feed.mbox'),
      join(root, 'Maildir'),
    ]);
    const subjects = await Promise.all(
      items.map(
        async (item) =>
          Buffer.from(await item.read())
            .toString()
            .split('\r\n')[0],
      ),
    );
    expect(subjects).toEqual([
      'Subject: a',
      'Subject: b',
      '{"Version":"2","ReporterInfo":{}}',
      'Subject: m1',
      'Subject: m2',
      'Subject: cur',
      'Subject: new',
    ]);
    expect(items[3]?.label).toBe(`${join(root, 'feed.mbox')}#1`);
    expect(problems).toEqual([]);
    expect(skipped).toEqual([
      { path: join(root, 'folder/.DS_Store'), reason: 'hidden' },
      { path: join(root, 'folder/README.md'), reason: 'documentation (.md/.tsv)' },
      { path: join(root, 'Maildir/tmp'), reason: 'Maildir tmp/' },
    ]);
  });

  it('selects the same files from a folder as parse does', async () => {
    const root = tree();
    const folder = join(root, 'folder');
    const { items } = await listMailItems([folder]);
    expect(items.map((item) => item.label)).toEqual(expandPaths([folder]));
  });

  it('reports a path that does not exist instead of failing the whole run', async () => {
    const root = tree();
    const { items, problems } = await listMailItems([join(root, 'missing.eml'), join(root, 'folder/a.eml')]);
    expect(items).toHaveLength(1);
    expect(problems).toEqual([{ path: join(root, 'missing.eml'), reason: 'ENOENT' }]);
  });
});
