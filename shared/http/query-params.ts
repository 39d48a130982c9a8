/** Request parameters parsed into values or a reason; routes answer 400 with the reason. */
export type Parsed<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: string };

/** Default and largest page sizes (RecordStore caps pages at 500). */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** A page size from `limit`, default 50, between 1 and 500. */
export function parseLimit(raw: string | undefined, fallback = DEFAULT_PAGE_SIZE): Parsed<number> {
  if (raw === undefined || raw === '') return { ok: true, value: fallback };
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > MAX_PAGE_SIZE) {
    return { ok: false, reason: `limit must be an integer from 1 to ${MAX_PAGE_SIZE}.` };
  }
  return { ok: true, value };
}

/** An ISO 8601 instant (or date) normalised to UTC `…Z`, for `from`/`to`. */
export function parseInstant(name: string, raw: string | undefined): Parsed<string | undefined> {
  if (raw === undefined || raw === '') return { ok: true, value: undefined };
  const time = ISO_INSTANT.test(raw) ? Date.parse(raw) : Number.NaN;
  if (Number.isNaN(time))
    return { ok: false, reason: `${name} must be an ISO 8601 time, e.g. 2026-01-31T12:00:00Z.` };
  return { ok: true, value: new Date(time).toISOString() };
}

/** Parses a JSON request body given as text, bytes or an already parsed value. */
export function parseJsonBody(body: unknown): Parsed<unknown> {
  if (body === undefined || body === null || body === '')
    return { ok: false, reason: 'A JSON body is required.' };
  if (typeof body === 'string' || body instanceof Uint8Array) {
    try {
      return {
        ok: true,
        value: JSON.parse(typeof body === 'string' ? body : Buffer.from(body).toString('utf8')),
      };
    } catch {
      return { ok: false, reason: 'The body is not valid JSON.' };
    }
  }
  return { ok: true, value: body };
}

/** Whether a value is a plain JSON object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
