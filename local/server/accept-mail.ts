import type { FileRawMailStore } from '../../shared/adapters/file/file-raw-mail-store.ts';
import type { IntakeJob } from '../pipeline/intake-job.ts';
import type { DiskQueue } from '../queue/disk-queue.ts';
import { newSubmissionId } from '../runtime/submission-id.ts';

/** Accepts one raw mail: returns its submission id once mail and queue entry are on disk. */
export type AcceptRaw = (raw: Uint8Array) => Promise<string>;

/**
 * Stores the raw mail (fsync) and then its queue entry (fsync), in that order, so an entry never points at a
 * missing mail; only then may the caller answer 250 (issue 6, DESIGN §6).
 */
export function createAcceptMail(options: {
  readonly rawMail: FileRawMailStore;
  readonly queue: DiskQueue<IntakeJob>;
  readonly onQueued?: () => void;
}): AcceptRaw {
  return async (raw) => {
    const now = Date.now();
    const submissionId = newSubmissionId(now);
    const rawLocation = await options.rawMail.put(submissionId, raw);
    await options.queue.enqueue(submissionId, {
      submissionId,
      receivedAt: new Date(now).toISOString(),
      rawLocation,
    });
    options.onQueued?.();
    return submissionId;
  };
}
