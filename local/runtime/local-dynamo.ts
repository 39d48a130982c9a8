import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** A dynalite server persisting under the data directory. */
export interface LocalDynamo {
  readonly endpoint: string;
  stop(): Promise<void>;
}

/** dynalite did not start (port, LevelDB files). */
export class LocalDynamoError extends Error {
  override name = 'LocalDynamoError';
}

type ThreadMessage = { type: 'listening'; port: number } | { type: 'error' | 'stopped'; message?: string };

/**
 * Starts dynalite on 127.0.0.1 (a free port) storing LevelDB files in `<dataDir>/dynamodb`, in a worker thread so
 * it gets a core of its own; tables appear at once (no CREATING delay).
 */
export async function startLocalDynamo(dataDir: string): Promise<LocalDynamo> {
  const path = join(dataDir, 'dynamodb');
  mkdirSync(path, { recursive: true });
  const worker = new Worker(new URL('./dynalite-thread.mjs', import.meta.url), { workerData: { path } });
  // A thread that already died (LevelDB error) never emits 'exit' again; stop() must not wait for it.
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('error', (error) =>
      reject(new LocalDynamoError(`dynalite failed: ${error.message}`, { cause: error })),
    );
    worker.on('message', (message: ThreadMessage) => {
      if (message.type === 'listening') resolve(message.port);
      else if (message.type === 'error') reject(new LocalDynamoError(`dynalite failed: ${message.message}`));
    });
    // A thread that ends without an error event would otherwise leave start-up waiting forever.
    void exited.then(() => reject(new LocalDynamoError('dynalite stopped before it listened')));
  });
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: async () => {
      worker.postMessage('stop');
      await exited;
    },
  };
}

/** Far above any dynalite answer under load (batches of 25 writes take milliseconds), so only a stuck one trips it. */
const LOCAL_REQUEST_TIMEOUT_MS = 60_000;

/** A DynamoDB client for a local endpoint: fixed dummy credentials, so nothing reads ~/.aws. */

export function createLocalDynamoClient(
  endpoint: string,
  requestTimeoutMs: number = LOCAL_REQUEST_TIMEOUT_MS,
): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 5,
    // The SDK waits forever by default; a request dynalite never answers would hold a queue batch (and idle()).
    // Without throwOnRequestTimeout the handler only logs a warning and keeps waiting.
    requestHandler: { requestTimeout: requestTimeoutMs, throwOnRequestTimeout: true },
  });
}
