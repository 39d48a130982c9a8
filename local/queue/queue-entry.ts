/** One entry of the disk queue as stored in its JSON file. */
export interface QueueEntry<T> {
  readonly id: string;
  readonly body: T;
  /** Deliveries so far; the one in progress included. */
  readonly attempts: number;
  /** ISO 8601 UTC. */
  readonly enqueuedAt: string;
  /** Epoch ms before which the entry is not delivered (retry backoff). */
  readonly notBefore: number;
  /** The last failure, for `dlq list`. */
  readonly lastError?: string;
  /** ISO 8601 UTC of the last failure. */
  readonly lastFailedAt?: string;
}

/** One delivery handed to a worker; `receipt` identifies it, so a late ack of a redelivered entry is ignored. */
export interface QueueDelivery<T> {
  readonly entry: QueueEntry<T>;
  readonly receipt: string;
}

/** Entry counts by state. */
export interface QueueDepth {
  readonly ready: number;
  readonly inflight: number;
  readonly dead: number;
}

/** Queue ids become file names; the same rule as the raw mail store. */
export const QUEUE_ID = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}$/;

/** Serialises an entry; the file is small JSON so a person can read it in `dlq list`. */
export function encodeEntry<T>(entry: QueueEntry<T>): string {
  return `${JSON.stringify(entry)}\n`;
}

/** Parses an entry file, or undefined when it is not one (truncated by a crash before fsync). */
export function decodeEntry<T>(text: string): QueueEntry<T> | undefined {
  try {
    const value = JSON.parse(text) as QueueEntry<T>;
    if (typeof value.id !== 'string' || typeof value.attempts !== 'number') return undefined;
    return { ...value, notBefore: typeof value.notBefore === 'number' ? value.notBefore : 0 };
  } catch {
    return undefined;
  }
}
