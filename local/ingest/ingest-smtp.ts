import { createTransport } from 'nodemailer';
import { forEachLimited } from './ingest-direct.ts';
import { emptySummary, type IngestSummary } from './ingest-summary.ts';
import type { MailItem } from './mail-sources.ts';

/** Parallel SMTP sessions; the listener allows 50 clients, a few keep its fsyncs busy. */
const SMTP_CONCURRENCY = 4;

/**
 * Sends mails to a running server over SMTP, each as it is (raw), enveloped to the reporting address. The server
 * answers 250 once the mail is queued durably; parsing happens later, so the summary counts accepted mails only.
 */
export async function ingestViaSmtp(
  items: readonly MailItem[],
  target: { readonly host: string; readonly port: number; readonly to: string; readonly from?: string },
  options: { readonly onDone?: () => void } = {},
): Promise<IngestSummary> {
  const summary = emptySummary(items.length, 'smtp');
  const transport = createTransport({
    host: target.host,
    port: target.port,
    secure: false,
    ignoreTLS: true,
    pool: true,
    maxConnections: SMTP_CONCURRENCY,
  });
  try {
    await forEachLimited(items, SMTP_CONCURRENCY, async (item) => {
      try {
        await transport.sendMail({
          envelope: { from: target.from ?? 'ingest@localhost', to: [target.to] },
          raw: Buffer.from(await item.read()),
        });
        summary.accepted++;
      } catch (error) {
        summary.failed.push({
          label: item.label,
          reason: error instanceof Error ? error.message : String(error),
        });
      }
      options.onDone?.();
    });
  } finally {
    transport.close();
  }
  return summary;
}
