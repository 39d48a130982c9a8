/** Formatting shared by the pages. */

export function number(value, digits = 2) {
  return typeof value === 'number' && Number.isFinite(value) ? value.toFixed(digits) : '–';
}

export function percent(value) {
  return typeof value === 'number' && Number.isFinite(value) ? `${(value * 100).toFixed(1)} %` : '–';
}

/** An ISO time as local "YYYY-MM-DD HH:MM" (UTC), compact and unambiguous. */
export function time(iso) {
  if (!iso) return '–';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Score as a share of the restrict threshold. */
export function ratio(score, threshold) {
  return threshold > 0 ? score / threshold : 0;
}

/** A compact UTC time for table cells: "11-24 23:48". */
export function shortTime(iso) {
  if (!iso) return '–';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : d.toISOString().slice(5, 16).replace('T', ' ');
}
