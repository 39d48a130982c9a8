import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes `data` so that after the promise resolves it survives a crash or power loss: a temporary file in the same
 * directory is written and fsynced, renamed over the target (atomic on POSIX), then the directory is fsynced so
 * the rename itself is on disk. A reader sees the old file or the whole new one, never half of it.
 */
export async function writeFileDurably(path: string, data: Uint8Array | string): Promise<void> {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  await rename(temp, path);
  await fsyncDirectory(dir);
}

/** Per directory: the fsync running now, and the one queued to start after it (shared by everyone waiting). */
const directorySyncs = new Map<string, { running: Promise<void>; next?: Promise<void> }>();

/**
 * Makes renames and unlinks inside `dir` durable (POSIX: directory entries live in the directory's own inode).
 * Group commit: a directory fsync covers every entry changed before it started, so callers arriving while one runs
 * share the single fsync queued behind it instead of each paying their own.
 */
export function fsyncDirectory(dir: string): Promise<void> {
  const state = directorySyncs.get(dir);
  if (state === undefined) {
    const running = syncDirectoryNow(dir).finally(() => {
      if (directorySyncs.get(dir)?.running === running) directorySyncs.delete(dir);
    });
    directorySyncs.set(dir, { running });
    return running;
  }
  state.next ??= state.running
    .catch(() => undefined)
    .then(() => {
      // The queued sync becomes the running one; later callers queue behind it.
      const running = syncDirectoryNow(dir).finally(() => {
        if (directorySyncs.get(dir)?.running === running) directorySyncs.delete(dir);
      });
      directorySyncs.set(dir, { running });
      return running;
    });
  return state.next;
}

async function syncDirectoryNow(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Whether a file name is a leftover temporary file of writeFileDurably (safe to delete after a crash). */
export function isTemporaryFile(name: string): boolean {
  return name.startsWith('.') && name.endsWith('.tmp');
}
