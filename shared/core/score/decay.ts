/** Time arithmetic of the decaying score: windows, normalisation to a window start, and log-space keys. */

const MS_PER_HOUR = 3_600_000;

/** Start (ISO 8601 UTC) of the window containing `at`; windows are aligned to the Unix epoch. */
export function windowStartOf(at: string | number, windowHours: number): string {
  const ms = typeof at === 'number' ? at : Date.parse(at);
  const size = windowHours * MS_PER_HOUR;
  return new Date(Math.floor(ms / size) * size).toISOString();
}

/** 2^((to − from) / halfLife): how much a weight at `from` grows (to > from) or shrinks when moved to `to`. */
export function decayFactor(from: string | number, to: string | number, halfLifeHours: number): number {
  const fromMs = typeof from === 'number' ? from : Date.parse(from);
  const toMs = typeof to === 'number' ? to : Date.parse(to);
  return 2 ** (-(toMs - fromMs) / (halfLifeHours * MS_PER_HOUR));
}

/**
 * A decayed score expressed at a fixed origin, log2(score) + t / halfLife (t in hours since the epoch). Without
 * new reports it stays constant as time passes, so scores measured at different times compare by this key alone;
 * new reports only raise it.
 */
export function logScore(score: number, at: string, halfLifeHours: number): number | undefined {
  if (!(score > 0)) return undefined;
  return Math.log2(score) + Date.parse(at) / MS_PER_HOUR / halfLifeHours;
}

/** The score at `at` of a log-space key. */
export function scoreFromLog(log: number, at: string, halfLifeHours: number): number {
  return 2 ** (log - Date.parse(at) / MS_PER_HOUR / halfLifeHours);
}

/** Adds hours to an ISO time. */
export function addHours(at: string, hours: number): string {
  return new Date(Date.parse(at) + hours * MS_PER_HOUR).toISOString();
}
