/** Bounds that keep one hostile submission from costing unbounded time or memory. */
export interface ParseLimits {
  /** Total size in bytes; default 40 MiB, SES's receiving limit including headers. */
  readonly maxBytes: number;
  /** How deep MIME entities may nest (multipart in multipart, message in message). */
  readonly maxMimeDepth: number;
  /** MIME parts visited in one submission. */
  readonly maxParts: number;
  /** Header fields in one header block. */
  readonly maxHeaderFields: number;
  /** Length of one unfolded header field in characters. */
  readonly maxHeaderLineLength: number;
  /** Reported messages one submission may yield. */
  readonly maxReportedMessages: number;
}

/** Defaults: generous for real feeds, small enough that a worker survives the worst case. */
export const DEFAULT_PARSE_LIMITS: ParseLimits = {
  maxBytes: 40 * 1024 * 1024, // SES receiving limit (incl. headers)
  maxMimeDepth: 8, // real reports nest 3 deep (forward > report > original); 8 leaves room
  maxParts: 500, // a forward of a newsletter rarely has 50 parts
  maxHeaderFields: 1000, // header blocks with 300+ Received fields exist only in loops and attacks
  maxHeaderLineLength: 64 * 1024, // long DKIM/ARC fields reach ~4 KiB
  maxReportedMessages: 100, // digests from feedback loops carry a few dozen
};

/** The limit names used in `limit.<name>` reason codes. */
export type LimitName =
  | 'size'
  | 'mime-depth'
  | 'parts'
  | 'header-fields'
  | 'header-line-length'
  | 'reported-messages';

/** Thrown inside the parser when a limit is exceeded; parseSubmission turns it into an `unusable` reason. */
export class ParseLimitError extends Error {
  override name = 'ParseLimitError';
  constructor(
    readonly limit: LimitName,
    message: string,
  ) {
    super(message);
  }
}

/** Merges caller overrides over the defaults, ignoring values that are not positive numbers. */
export function resolveLimits(overrides: Partial<ParseLimits> | undefined): ParseLimits {
  if (!overrides) return DEFAULT_PARSE_LIMITS;
  const merged: Record<string, number> = { ...DEFAULT_PARSE_LIMITS };
  for (const [key, value] of Object.entries(overrides)) {
    if (key in merged && typeof value === 'number' && value > 0 && !Number.isNaN(value)) merged[key] = value;
  }
  return merged as unknown as ParseLimits;
}
