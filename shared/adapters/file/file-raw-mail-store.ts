import { mkdirSync } from 'node:fs';
import { readdir, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RawMailStore } from '../../core/ports.ts';
import { isTemporaryFile, writeFileDurably } from './durable-file.ts';

/** Submission ids become file names: letters, digits, `-`, `_`, `.`, no leading dot, so no path can escape. */
const SAFE_ID = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}$/;

/** A raw mail as listed, with the time its file was written. */
export interface StoredRawMail {
  readonly submissionId: string;
  /** ISO 8601 UTC modification time of the file. */
  readonly storedAt: string;
  readonly size: number;
}

/** The local raw mail store: one `<id>.eml` file per submission, written durably before anything is acknowledged. */
export interface FileRawMailStore extends RawMailStore {
  /** The directory holding the files. */
  readonly dir: string;
  /** Removes one raw mail (retention purge); true when it existed. */
  delete(submissionId: string): Promise<boolean>;
  /** Every stored raw mail, in no particular order. */
  list(): AsyncIterable<StoredRawMail>;
}

/** A raw mail store under `dir` (the local runtime uses `<dataDir>/raw`). */
export function createFileRawMailStore(options: { readonly dir: string }): FileRawMailStore {
  const { dir } = options;
  mkdirSync(dir, { recursive: true });
  const pathOf = (submissionId: string): string => {
    if (!SAFE_ID.test(submissionId))
      throw new RangeError(`unsafe submission id for a file name: ${submissionId}`);
    return join(dir, `${submissionId}.eml`);
  };
  return {
    dir,
    async put(submissionId, raw) {
      const path = pathOf(submissionId);
      await writeFileDurably(path, raw);
      return pathToFileURL(path).href;
    },
    async get(submissionId) {
      try {
        return new Uint8Array(await readFile(pathOf(submissionId)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async delete(submissionId) {
      try {
        await unlink(pathOf(submissionId));
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
        throw error;
      }
    },
    async *list() {
      for (const name of await readdir(dir)) {
        if (!name.endsWith('.eml') || isTemporaryFile(name)) continue;
        const info = await stat(join(dir, name)).catch(() => undefined);
        if (info === undefined) continue;
        yield { submissionId: name.slice(0, -4), storedAt: info.mtime.toISOString(), size: info.size };
      }
    },
  };
}
