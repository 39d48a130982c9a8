import { randomBytes } from 'node:crypto';

/**
 * A new local submission id: the UTC time to the millisecond, then 48 random bits (`20261125T002500123Z-9f…`).
 * Ids sort by arrival, are safe as file names, and do not collide across processes writing the same data dir.
 */
export function newSubmissionId(nowMs: number): string {
  const time = new Date(nowMs).toISOString().replace(/[-:.]/g, '');
  return `${time}-${randomBytes(6).toString('hex')}`;
}
