/**
 * Which files under the given paths are mail: the one rule `parse` and `ingest` share, so a folder yields the same
 * files to both. Directories are walked recursively in sorted order; hidden entries, `.md`/`.tsv` documentation and
 * a Maildir's `tmp/` (deliveries in progress) are skipped and counted with the reason; a file named directly is
 * always taken.
 */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Files in a directory that are documentation about mail, not mail. */
const DOCUMENTATION_FILE = /\.(?:md|tsv)$/i;

/** Why a folder walk left an entry out. */
export type SkipReason = 'hidden' | 'documentation (.md/.tsv)' | 'Maildir tmp/' | 'not a regular file';

/** The walk's result: files to read in order, entries left out, and named paths that do not exist. */
export interface MailFileSelection {
  readonly files: string[];
  readonly skipped: { readonly path: string; readonly reason: SkipReason }[];
  readonly missing: { readonly path: string; readonly reason: string }[];
}

/** Whether `dir` is a Maildir (has `cur/` and `new/`): its `tmp/` then holds half-written deliveries. */
function isMaildir(dir: string): boolean {
  return ['cur', 'new'].every((sub) => statSync(join(dir, sub), { throwIfNoEntry: false })?.isDirectory());
}

/** The mail files under `paths` (directories expanded, each once), with what was skipped and why. */
export function selectMailFiles(paths: readonly string[]): MailFileSelection {
  const selection: MailFileSelection = { files: [], skipped: [], missing: [] };
  const seen = new Set<string>();
  const walk = (dir: string): void => {
    const real = realpathSync(dir);
    if (seen.has(real)) return; // a symlink loop or a directory named twice
    seen.add(real);
    const maildir = isMaildir(dir);
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (name.startsWith('.')) {
        selection.skipped.push({ path, reason: 'hidden' });
        continue;
      }
      const stat = statSync(path, { throwIfNoEntry: false });
      if (stat?.isDirectory()) {
        if (maildir && name === 'tmp') selection.skipped.push({ path, reason: 'Maildir tmp/' });
        else walk(path);
      } else if (!stat?.isFile()) selection.skipped.push({ path, reason: 'not a regular file' });
      else if (DOCUMENTATION_FILE.test(name))
        selection.skipped.push({ path, reason: 'documentation (.md/.tsv)' });
      else selection.files.push(path);
    }
  };
  for (const path of paths) {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat === undefined) selection.missing.push({ path, reason: 'ENOENT' });
    else if (stat.isDirectory()) walk(path);
    else selection.files.push(path);
  }
  return selection;
}
