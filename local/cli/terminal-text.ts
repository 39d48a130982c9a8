/**
 * Makes attacker-controlled text (subjects, addresses, raw mail) inert on a terminal: C0/C1 control characters,
 * which include the ESC of ANSI sequences that could rewrite the screen or the title, become `\xNN`. Line breaks
 * and tabs survive when `keepLines` is set (for raw mail), otherwise they are escaped too.
 */
export function inertText(text: string, keepLines = false): string {
  const pattern = keepLines ? /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/g : /[\x00-\x1f\x7f-\x9f]/g;
  return text.replace(pattern, (char) => `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** Lays out rows as aligned columns, cells made inert and cut to `maxWidth`. */
export function formatTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  maxWidth = 40,
): string {
  const cut = (cell: string) => {
    const clean = inertText(cell);
    return clean.length > maxWidth ? `${clean.slice(0, maxWidth - 1)}…` : clean;
  };
  const cells = [header, ...rows].map((row) => row.map(cut));
  const widths = header.map((_, i) => Math.max(...cells.map((row) => row[i]?.length ?? 0)));
  return `${cells
    .map((row) =>
      row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  '),
    )
    .join('\n')}\n`;
}
