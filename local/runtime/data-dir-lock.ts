import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { isProcessAlive } from './process-alive.ts';

/** Another live process holds the data directory; the message says which and what to do. */
export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError';
}

/** A held lock; release() removes the file if it is still ours. */
export interface DataDirLock {
  readonly path: string;
  release(): void;
}

/** The lock file's name inside the data directory. */
export const LOCK_FILE = 'abuse-intake.lock';

/**
 * Takes the data directory's lock: a file created with O_EXCL holding our pid. dynalite (LevelDB) crashes when two
 * processes open the same store, so a second opener gets DataDirLockedError instead. A lock whose pid is dead is
 * stale (the holder was killed) and is taken over.
 */
export function lockDataDir(dataDir: string, purpose: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid}\n${purpose}\n`);
      closeSync(fd);
      return { path, release: () => releaseIfOurs(path) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readHolder(path);
    if (holder !== undefined && holder.pid !== process.pid && isProcessAlive(holder.pid)) {
      throw new DataDirLockedError(
        `the data directory ${dataDir} is in use by process ${holder.pid} (${holder.purpose}). ` +
          'Wait for it to finish, or stop it; while `abuse-intake serve` runs, other commands reach the data through it.',
      );
    }
    if (holder?.pid === process.pid) {
      throw new DataDirLockedError(`this process already holds ${path}; close the other LocalStores first`);
    }
    // Stale: the holder died without releasing (SIGKILL, power loss). Remove and try again.
    try {
      unlinkSync(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  throw new DataDirLockedError(`could not take ${path}: another process keeps taking it`);
}

function readHolder(path: string): { pid: number; purpose: string } | undefined {
  try {
    const [pidLine, purpose] = readFileSync(path, 'utf8').split('\n');
    const pid = Number(pidLine);
    return Number.isInteger(pid) && pid > 0 ? { pid, purpose: purpose ?? 'unknown' } : undefined;
  } catch {
    return undefined;
  }
}

function releaseIfOurs(path: string): void {
  if (readHolder(path)?.pid !== process.pid) return;
  try {
    unlinkSync(path);
  } catch {
    // Already gone: nothing to release.
  }
}
