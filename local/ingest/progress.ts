/** A progress bar on stderr: redrawn in place on a terminal, a line every 10% otherwise (logs, CI). */
export interface Progress {
  tick(): void;
  done(): void;
}

/** Width of the bar in characters. */
const BAR_WIDTH = 30;
/** Redraws at most this often, so printing does not slow a fast ingest. */
const REDRAW_MS = 100;

/** Creates a bar for `total` steps writing to `stream` (process.stderr by default). */
export function createProgress(
  total: number,
  label: string,
  stream: NodeJS.WriteStream = process.stderr,
): Progress {
  let done = 0;
  let lastDraw = 0;
  let lastDecile = -1;
  const draw = (final: boolean) => {
    const ratio = total === 0 ? 1 : done / total;
    if (stream.isTTY) {
      const now = Date.now();
      if (!final && now - lastDraw < REDRAW_MS) return;
      lastDraw = now;
      const filled = Math.round(ratio * BAR_WIDTH);
      stream.write(
        `\r${label} [${'#'.repeat(filled)}${' '.repeat(BAR_WIDTH - filled)}] ${done}/${total}${final ? '\n' : ''}`,
      );
      return;
    }
    const decile = Math.floor(ratio * 10);
    if (decile !== lastDecile) {
      lastDecile = decile;
      stream.write(`${label}: ${done}/${total}\n`);
    }
  };
  return {
    tick: () => {
      done++;
      draw(false);
    },
    done: () => draw(true),
  };
}
