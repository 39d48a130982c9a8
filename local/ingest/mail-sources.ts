import { open, readFile } from 'node:fs/promises';
import { looksLikeMbox, splitMbox } from './mbox.ts';
import { type MailFileSelection, selectMailFiles } from './select-mail-files.ts';

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
 * Lists the mails under the given paths. Files are chosen exactly as `parse` chooses them (selectMailFiles:
 * folders recursively, Maildirs' `new/` and `cur/`, hidden entries and .md/.tsv documentation skipped); an mbox
 * file is split into its messages, any other file is one mail. `skipped` says what a folder walk left out.
 */
export async function listMailItems(paths: readonly string[]): Promise<{
  items: MailItem[];
  problems: SourceProblem[];
  skipped: MailFileSelection['skipped'];
}> {
  const items: MailItem[] = [];
  const problems: SourceProblem[] = [];
  let selection: MailFileSelection;
  try {
    selection = selectMailFiles(paths);
  } catch (error) {
    return { items, problems: [{ path: paths.join(' '), reason: String(error) }], skipped: [] };
  }
  problems.push(...selection.missing);
  for (const path of selection.files) {
    try {
      const head = await readHead(path);
      if (looksLikeMbox(head)) {
        const messages = splitMbox(new Uint8Array(await readFile(path)));
        for (const [index, message] of messages.entries()) {
          items.push({ label: `${path}#${index + 1}`, read: async () => message });
        }
      } else {
        items.push({ label: path, read: async () => new Uint8Array(await readFile(path)) });
      }
    } catch (error) {
      problems.push({ path, reason: (error as NodeJS.ErrnoException).code ?? String(error) });
    }
  }
  return { items, problems, skipped: selection.skipped };
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
