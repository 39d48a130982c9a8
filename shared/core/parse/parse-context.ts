import type { Deviation } from '../model/index.ts';
import { ParseLimitError, type ParseLimits } from './limits.ts';

/** State shared by one parseSubmission call: its limits, the parts visited and the deviations found. */
export class ParseContext {
  private readonly found = new Map<string, string>();
  parts = 0;

  constructor(readonly limits: ParseLimits) {}

  /** Records a departure from the standards once per code (the first message wins). */
  deviate(code: string, message: string): void {
    if (!this.found.has(code)) this.found.set(code, message);
  }

  /** Counts one MIME part and enforces `maxParts`. */
  countPart(): void {
    this.parts++;
    if (this.parts > this.limits.maxParts) {
      throw new ParseLimitError('parts', `more than ${this.limits.maxParts} MIME parts`);
    }
  }

  /** Enforces `maxMimeDepth` for an entity at `depth` (0 = the submission). */
  checkDepth(depth: number): void {
    if (depth > this.limits.maxMimeDepth) {
      throw new ParseLimitError('mime-depth', `MIME entities nest deeper than ${this.limits.maxMimeDepth}`);
    }
  }

  /** The deviations in the order found. */
  deviations(): Deviation[] {
    return [...this.found].map(([code, message]) => ({ code, message }));
  }
}
