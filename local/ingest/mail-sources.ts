import { open, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { looksLikeMbox, splitMbox } from './mbox.ts';

/** One mail to ingest: where it came from, and its bytes on demand. */
export interface MailItem {
  /** `path` or `path#n` for the n-th message of an mbox. */
  readonly label: string;
  read(): Promise<Uint8Array>;
}

/** A path that could not be read, with the reason. */
export interface SourceProblem {
  readonly path: string;
  readonly reason: string;
}

/**
 * Lists the mails under the given paths: `.eml` files (any single-message file named directly), folders (their
 * `.eml` and `.mbox` files, recursively), mbox files (split into messages) and Maildirs (`new/` and `cur/`).
 */
export async function listMailItems(
  paths: readonly string[],
): Promise<{ items: MailItem[]; problems: SourceProblem[] }> {
  const items: MailItem[] = [];
  const problems: SourceProblem[] = [];
  const addFile = async (path: string) => {
    const head = await readHead(path);
    if (looksLikeMbox(head)) {
      const messages = splitMbox(new Uint8Array(await readFile(path)));
      for (const [index, message] of messages.entries()) {
        items.push({ label: `${path}#${index + 1}`, read: async () => message });
      }
    } else {
      items.push({ label: path, read: async () => new Uint8Array(await readFile(path)) });
    }
  };
  const addDirectory = async (path: string) => {
    const entries = await readdir(path, { withFileTypes: true });
    const names = new Set(entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name));
    if (names.has('cur') && names.has('new')) {
      // Maildir: every file in new/ and cur/ is one message (tmp/ holds deliveries in progress).
      for (const sub of ['new', 'cur']) {
        for (const name of (await readdir(join(path, sub))).sort()) {
          if (!name.startsWith('.')) items.push(fileItem(join(path, sub, name)));
        }
      }
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const child = join(path, entry.name);
      if (entry.isDirectory()) await addDirectory(child);
      else if (entry.isFile() && /\.(eml|mbox)$/i.test(entry.name)) await addFile(child);
    }
  };
  for (const path of paths) {
    try {
      const info = await stat(path);
      if (info.isDirectory()) await addDirectory(path);
      else await addFile(path);
    } catch (error) {
      problems.push({ path, reason: (error as NodeJS.ErrnoException).code ?? String(error) });
    }
  }
  return { items, problems };
}

function fileItem(path: string): MailItem {
  return { label: path, read: async () => new Uint8Array(await readFile(path)) };
}

async function readHead(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(5);
    const { bytesRead } = await handle.read(buffer, 0, 5, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
