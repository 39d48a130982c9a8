import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { readdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isTemporaryFile, writeFileDurably } from '../../shared/adapters/file/durable-file.ts';
import {
  decodeEntry,
  encodeEntry,
  QUEUE_ID,
  type QueueDelivery,
  type QueueDepth,
  type QueueEntry,
} from './queue-entry.ts';

/** Tuning; see QueueConfig in local/config for the defaults and their reasons. */
export interface DiskQueueOptions {
  readonly dir: string;
  readonly maxAttempts: number;
  readonly visibilityTimeoutMs: number;
  readonly retryBaseMs: number;
  /** Epoch ms; injected so tests control time. */
  readonly now?: () => number;
  /**
   * Whether this opener owns delivery (the server): it then returns entries left in flight by a crash to ready.
   * Default true; CLI commands working beside a running server (`dlq`) pass false so they steal nothing.
   */
  readonly recover?: boolean;
}

/** What happened to a failed delivery. */
export type FailOutcome = 'retry' | 'dead' | 'stale';

/**
 * A durable work queue in a directory, one JSON file per entry in `ready/`, `inflight/` or `dead/`:
 * SQS semantics (at-least-once, visibility timeout, retries with exponential backoff, dead letters after
 * `maxAttempts`, replay) for one machine. Only enqueue is fsynced, because only it is acknowledged to somebody
 * (SMTP 250); a lost ack or retry count after a crash means one more delivery, which idempotent handlers absorb.
 */
export interface DiskQueue<T> {
  /** Durably adds an entry (idempotent for the same id while it is queued). */
  enqueue(id: string, body: T): Promise<void>;
  /** The next entry due, moved to in-flight until acked, failed or its visibility timeout passes. */
  receive(): Promise<QueueDelivery<T> | undefined>;
  /** Done: removes the entry. */
  ack(delivery: QueueDelivery<T>): Promise<void>;
  /** Failed: back to ready after a backoff, or to the dead letters after maxAttempts. */
  fail(delivery: QueueDelivery<T>, error: unknown): Promise<FailOutcome>;
  /** Returns in-flight entries whose visibility timeout passed to ready; returns how many. */
  releaseExpired(): Promise<number>;
  /** Picks up entries other processes put in `ready/` (ingest, `dlq replay`). */
  rescan(): Promise<number>;
  /** Epoch ms of the earliest delayed entry, if any is waiting for its backoff. */
  nextDueAt(): number | undefined;
  depth(): QueueDepth;
  listDead(): Promise<QueueEntry<T>[]>;
  /** Moves dead letters (all, or the given ids) back to ready with a fresh attempt count; returns how many. */
  replayDead(ids?: readonly string[]): Promise<number>;
}

/** Opens (and recovers) the queue in `dir`: entries left in flight by a crash become ready again. */
export async function openDiskQueue<T>(options: DiskQueueOptions): Promise<DiskQueue<T>> {
  const now = options.now ?? Date.now;
  const dirs = {
    ready: join(options.dir, 'ready'),
    inflight: join(options.dir, 'inflight'),
    dead: join(options.dir, 'dead'),
  };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  const ready = new Map<string, number>(); // id -> notBefore, in arrival order
  const inflight = new Map<string, { receipt: string; deadline: number }>();
  let deadCount = 0;
  // Counting dead/ (rescan) and changing it (fail, replayDead) take turns: a count listed while a dead letter was
  // being written, assigned after its deadCount++, counted it twice until the next rescan (or lost it).
  let deadTurn: Promise<unknown> = Promise.resolve();
  const inDeadTurn = <R>(run: () => Promise<R>): Promise<R> => {
    const turn = deadTurn.then(run);
    deadTurn = turn.catch(() => undefined);
    return turn;
  };

  const file = (state: keyof typeof dirs, id: string) => join(dirs[state], `${id}.json`);
  const readEntry = async (path: string): Promise<QueueEntry<T> | undefined> => {
    try {
      return decodeEntry<T>(await readFile(path, 'utf8'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  };
  // Not fsynced on purpose (see the interface comment): write whole, then rename, so a reader never sees half.
  const writeQuick = async (path: string, entry: QueueEntry<T>): Promise<void> => {
    const temp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
    await writeFile(temp, encodeEntry(entry));
    await rename(temp, path);
  };
  const unlinkQuietly = (path: string) =>
    unlink(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  // Temporary files are only swept at open: later, one may be a write in progress of this very process.
  const names = async (state: keyof typeof dirs, sweep = false): Promise<string[]> => {
    const all = await readdir(dirs[state]);
    if (sweep) for (const name of all.filter(isLeftover)) await unlinkQuietly(join(dirs[state], name));
    return all.filter((name) => name.endsWith('.json') && !isLeftover(name)).map((name) => name.slice(0, -5));
  };

  // Recovery: whatever was in flight when the last process died is delivered again.
  for (const id of options.recover === false ? [] : await names('inflight', true)) {
    const entry = await readEntry(file('inflight', id));
    if (entry !== undefined) await writeQuick(file('ready', id), entry);
    await unlinkQuietly(file('inflight', id));
  }
  for (const id of await names('ready', options.recover !== false)) {
    const entry = await readEntry(file('ready', id));
    if (entry === undefined) continue;
    else ready.set(id, entry.notBefore);
  }
  deadCount = (await names('dead')).length;

  const queue: DiskQueue<T> = {
    async enqueue(id, body) {
      if (!QUEUE_ID.test(id)) throw new RangeError(`unsafe queue id: ${id}`);
      if (ready.has(id) || inflight.has(id)) return;
      const entry: QueueEntry<T> = {
        id,
        body,
        attempts: 0,
        enqueuedAt: new Date(now()).toISOString(),
        notBefore: 0,
      };
      await writeFileDurably(file('ready', id), encodeEntry(entry));
      ready.set(id, 0);
    },

    async receive() {
      const at = now();
      for (const [id, notBefore] of ready) {
        if (notBefore > at) continue;
        ready.delete(id);
        // Marked in flight before the first await, so a concurrent rescan does not queue it a second time.
        const receipt = randomBytes(8).toString('hex');
        inflight.set(id, { receipt, deadline: at + options.visibilityTimeoutMs });
        const stored = await readEntry(file('ready', id));
        if (stored === undefined) {
          inflight.delete(id); // taken away by another process (purge)
          continue;
        }
        const entry: QueueEntry<T> = { ...stored, attempts: stored.attempts + 1 };
        await writeQuick(file('inflight', id), entry);
        await unlinkQuietly(file('ready', id));
        return { entry, receipt };
      }
      return undefined;
    },

    async ack(delivery) {
      const id = delivery.entry.id;
      if (inflight.get(id)?.receipt !== delivery.receipt) return;
      inflight.delete(id);
      await unlinkQuietly(file('inflight', id));
    },

    async fail(delivery, error) {
      const { entry } = delivery;
      if (inflight.get(entry.id)?.receipt !== delivery.receipt) return 'stale';
      inflight.delete(entry.id);
      const failed: QueueEntry<T> = {
        ...entry,
        lastError: describeError(error),
        lastFailedAt: new Date(now()).toISOString(),
      };
      if (entry.attempts >= options.maxAttempts)
        return inDeadTurn(async () => {
          await writeFileDurably(file('dead', entry.id), encodeEntry(failed));
          await unlinkQuietly(file('inflight', entry.id));
          deadCount++;
          return 'dead' as const;
        });
      const notBefore = now() + options.retryBaseMs * 2 ** (entry.attempts - 1);
      await writeQuick(file('ready', entry.id), { ...failed, notBefore });
      await unlinkQuietly(file('inflight', entry.id));
      ready.set(entry.id, notBefore);
      return 'retry';
    },

    async releaseExpired() {
      const at = now();
      let released = 0;
      for (const [id, { deadline }] of inflight) {
        if (deadline > at) continue;
        inflight.delete(id);
        const entry = await readEntry(file('inflight', id));
        if (entry === undefined) continue;
        await writeQuick(file('ready', id), entry);
        await unlinkQuietly(file('inflight', id));
        ready.set(id, 0);
        released++;
      }
      return released;
    },

    async rescan() {
      let found = 0;
      for (const id of await names('ready')) {
        if (ready.has(id) || inflight.has(id)) continue;
        const entry = await readEntry(file('ready', id));
        if (entry === undefined) continue;
        ready.set(id, entry.notBefore);
        found++;
      }
      await inDeadTurn(async () => {
        deadCount = (await names('dead')).length;
      });
      return found;
    },

    nextDueAt() {
      let earliest: number | undefined;
      for (const notBefore of ready.values())
        if (earliest === undefined || notBefore < earliest) earliest = notBefore;
      return earliest;
    },

    depth: () => ({ ready: ready.size, inflight: inflight.size, dead: deadCount }),

    async listDead() {
      const entries: QueueEntry<T>[] = [];
      for (const id of await names('dead')) {
        const entry = await readEntry(file('dead', id));
        if (entry !== undefined) entries.push(entry);
      }
      return entries.sort((a, b) => (a.lastFailedAt ?? '').localeCompare(b.lastFailedAt ?? ''));
    },

    replayDead(ids) {
      return inDeadTurn(() => replayDeadNow(ids));
    },
  };

  async function replayDeadNow(ids: readonly string[] | undefined): Promise<number> {
    const wanted = ids ?? (await names('dead'));
    let replayed = 0;
    for (const id of wanted) {
      if (!QUEUE_ID.test(id)) continue;
      const entry = await readEntry(file('dead', id));
      if (entry === undefined) continue;
      await writeFileDurably(file('ready', id), encodeEntry({ ...entry, attempts: 0, notBefore: 0 }));
      await unlinkQuietly(file('dead', id));
      ready.set(id, 0);
      replayed++;
    }
    deadCount = Math.max(0, deadCount - replayed);
    return replayed;
  }
  return queue;
}

function isLeftover(name: string): boolean {
  return isTemporaryFile(name) || name.endsWith('.tmp');
}

/** The failure as one line: the name and message, never the mail that caused it. */
function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 2000);
  return String(error).slice(0, 2000);
}
