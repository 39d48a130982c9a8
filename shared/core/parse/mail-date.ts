/** The common RFC 5322 §3.3 form with a numeric zone, parsed without Date.parse (several per message). */
const FAST_DATE =
  /^\s*(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s+([+-])(\d{2})(\d{2})(?:\s*\([^()]*\))?\s*$/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** RFC 5322 §4.3 obsolete zones Date.parse does not know; military zones are treated as +0000 (§4.3). */
const ZONES: Readonly<Record<string, string>> = { UT: '+0000', Z: '+0000' };

/**
 * Parses an RFC 5322 §3.3 date-time (with obsolete forms and comments) or an ISO 8601 date into ISO 8601 UTC.
 * Returns undefined when it does not parse; never consults a clock.
 */
export function parseMailDate(input: string | undefined): string | undefined {
  if (!input) return undefined;
  const fast = FAST_DATE.exec(input);
  if (fast) {
    const [, day, monthName, year, hour, minute, second, sign, zoneHours, zoneMinutes] = fast;
    const month = MONTHS.indexOf(monthName!.toLowerCase());
    const offset = (sign === '-' ? -1 : 1) * (Number(zoneHours) * 60 + Number(zoneMinutes));
    const time = Date.UTC(
      Number(year),
      month,
      Number(day),
      Number(hour),
      Number(minute) - offset,
      Number(second ?? 0),
    );
    if (month >= 0 && !Number.isNaN(time)) return new Date(time).toISOString();
  }
  let text = input
    .replace(/\([^()]*\)/g, ' ')
    .replace(/\s+/g, ' ')
    // Apple Mail and Gmail quote dates as "5 March 2024 at 10:00:00 GMT".
    .replace(/(\d{4}) at (\d)/i, '$1 $2')
    .trim();
  if (!text) return undefined;
  text = text.replace(/\b(UT|Z)$/i, (zone) => ZONES[zone.toUpperCase()] ?? zone);
  // "Mon, 1 Jan 2024 10:00:00 +0100 +0100" and similar doubled zones: keep the first.
  text = text.replace(/([+-]\d{4})\s+[+-]?\d{4}$/, '$1');
  // A date without any zone is read as UTC, not as the host's local time, to stay deterministic.
  const hasZone = /(?:[+-]\d{2}:?\d{2}|\b[A-Z]{1,5})$/i.test(text) || /T.*Z$/i.test(text);
  const time = Date.parse(hasZone ? text : `${text} +0000`);
  if (Number.isNaN(time)) {
    const fallback = Date.parse(text);
    if (Number.isNaN(fallback)) return undefined;
    return new Date(fallback).toISOString();
  }
  const date = new Date(time);
  const year = date.getUTCFullYear();
  if (year < 1970 || year > 9999) return undefined;
  return date.toISOString();
}
