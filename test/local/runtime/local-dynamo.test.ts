import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { createLocalDynamoClient, startLocalDynamo } from '../../../local/runtime/local-dynamo.ts';

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('local dynalite', () => {
  it('serves the DynamoDB API from the data directory and stops', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'abuse-intake-dynalite-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const dynamo = await startLocalDynamo(dataDir);
    const client = createLocalDynamoClient(dynamo.endpoint);
    try {
      expect((await client.send(new ListTablesCommand({}))).TableNames).toEqual([]);
    } finally {
      client.destroy();
      await dynamo.stop();
    }
  });

  it('gives up on a request the endpoint accepts but never answers', async () => {
    const sockets: Socket[] = [];
    const silent: Server = createServer((socket) => sockets.push(socket)).listen(0, '127.0.0.1');
    await new Promise((resolve) => silent.once('listening', resolve));
    cleanups.push(() => {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => silent.close(() => resolve()));
    });
    const { port } = silent.address() as { port: number };
    const client = createLocalDynamoClient(`http://127.0.0.1:${port}`, 200);
    cleanups.push(() => client.destroy());
    await expect(client.send(new ListTablesCommand({}))).rejects.toMatchObject({ name: 'TimeoutError' });
  });
});
