import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetItemCommand, ListTablesCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { loadLocalConfig } from '../../../local/config/local-config.ts';
import { LOCK_FILE } from '../../../local/runtime/data-dir-lock.ts';
import { LOCAL_TABLE_NAMES, openDataDir, openLocalStores } from '../../../local/runtime/open-local-stores.ts';
import { writeServerInfo } from '../../../local/runtime/server-info.ts';

const dirs: string[] = [];
function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'abuse-intake-stores-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const env = {};

describe('openLocalStores', () => {
  it('creates the three tables in a fresh data directory and keeps items across reopen', async () => {
    const dataDir = freshDir();
    const first = await openLocalStores({ dataDir, env });
    const tables = await first.client.send(new ListTablesCommand({}));
    expect(tables.TableNames).toEqual(
      expect.arrayContaining([
        LOCAL_TABLE_NAMES.tenants,
        LOCAL_TABLE_NAMES.reports,
        LOCAL_TABLE_NAMES.scores,
      ]),
    );
    await first.client.send(
      new PutItemCommand({ TableName: LOCAL_TABLE_NAMES.tenants, Item: { pk: { S: 'a' }, sk: { S: 'b' } } }),
    );
    await first.close();
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);

    const second = await openLocalStores({ dataDir, env });
    const item = await second.client.send(
      new GetItemCommand({ TableName: LOCAL_TABLE_NAMES.tenants, Key: { pk: { S: 'a' }, sk: { S: 'b' } } }),
    );
    expect(item.Item?.['pk']).toEqual({ S: 'a' });
    await second.close();
  });

  it('refuses a second opener of the same data directory with a clear error', async () => {
    const dataDir = freshDir();
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      writeFileSync(join(dataDir, LOCK_FILE), `${holder.pid}\nabuse-intake ingest\n`);
      await expect(openLocalStores({ dataDir, env })).rejects.toThrow(
        /in use by process \d+ \(abuse-intake ingest\)/,
      );
    } finally {
      holder.kill();
    }
  });

  it('takes over a stale lock left by a killed process', async () => {
    const dataDir = freshDir();
    const dead = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => dead.once('exit', resolve));
    writeFileSync(join(dataDir, LOCK_FILE), `${dead.pid}\nabuse-intake serve\n`);
    const stores = await openLocalStores({ dataDir, env });
    expect(stores.viaServer).toBe(false);
    await stores.close();
  });

  it('goes through the running server when server.json names a live process', async () => {
    const serverDir = freshDir();
    const owner = await openDataDir(
      loadLocalConfig({ env, overrides: { dataDir: serverDir } }),
      'test server',
    );
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      writeServerInfo(serverDir, {
        pid: holder.pid ?? 0,
        dynamoEndpoint: owner.endpoint,
        startedAt: new Date().toISOString(),
      });
      const stores = await openLocalStores({ dataDir: serverDir, env });
      expect(stores.viaServer).toBe(true);
      expect(stores.endpoint).toBe(owner.endpoint);
      await stores.close();
    } finally {
      holder.kill();
      await owner.close();
    }
  });
});
