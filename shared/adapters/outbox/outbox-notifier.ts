import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Notifier, TenantNotice } from '../../core/score/ports.ts';

/** Sender address written on local notices (there is no real mail domain locally). */
export const OUTBOX_FROM = 'abuse-desk@localhost';

/** Filesystem-safe name of a notice key (`tenant:v3:restricted` → `tenant_v3_restricted`). */
export function outboxFileName(key: string): string {
  return key.replace(/[^A-Za-z0-9._-]+/g, '_');
}

/** The notice as an RFC 5322 message (CRLF line ends, RFC 5322 §2.1). */
export function noticeToEml(notice: TenantNotice, from: string, date: Date): string {
  const headers = [
    `From: ${from}`,
    `To: ${notice.to}`,
    `Subject: ${notice.subject.replace(/[\r\n]+/g, ' ')}`,
    `Date: ${date.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${outboxFileName(notice.key)}@abuse-intake.local>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
  ];
  return `${headers.join('\r\n')}\r\n\r\n${notice.text.replace(/\r?\n/g, '\r\n')}`;
}

/**
 * The local Notifier: writes each notice as `<key>.eml` (open it in any mail client) and `<key>.json` into a folder.
 * Files are written under a temporary name and renamed, so a reader never sees half a notice; writing the same key
 * again replaces it (at most one file per notice).
 */
export function createOutboxNotifier(options: { dir: string; from?: string; clock?: () => Date }): Notifier {
  const from = options.from ?? OUTBOX_FROM;
  const clock = options.clock ?? (() => new Date());
  return {
    async send(notice) {
      await mkdir(options.dir, { recursive: true });
      const base = join(options.dir, outboxFileName(notice.key));
      const date = clock();
      await writeAtomically(`${base}.eml`, noticeToEml(notice, from, date));
      await writeAtomically(
        `${base}.json`,
        `${JSON.stringify({ ...notice, from, date: date.toISOString() }, null, 2)}\n`,
      );
    },
  };
}

async function writeAtomically(path: string, content: string): Promise<void> {
  const temporary = `${path}.tmp-${process.pid}`;
  await writeFile(temporary, content, 'utf8');
  await rename(temporary, path);
}
