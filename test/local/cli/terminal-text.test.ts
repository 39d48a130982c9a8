import { describe, expect, it } from 'vitest';
import { formatTable, inertText } from '../../../local/cli/terminal-text.ts';

describe('inertText', () => {
  it('defuses ANSI escape sequences in a reported subject (screen clearing, title rewriting)', () => {
    const subject = 'Invoice \x1b[2J\x1b]0;pwned\x07 due';
    expect(inertText(subject)).toBe('Invoice \\x1b[2J\\x1b]0;pwned\\x07 due');
  });

  it('escapes C1 controls and carriage returns that could overwrite a table row', () => {
    expect(inertText('ok\rFAKE\x9b31m')).toBe('ok\\x0dFAKE\\x9b31m');
  });

  it('keeps line breaks and tabs of raw mail when asked', () => {
    expect(inertText('Subject: x\r\n\tfolded\x1b[0m', true)).toBe('Subject: x\r\n\tfolded\\x1b[0m');
  });
});

describe('formatTable', () => {
  it('aligns columns, cuts long cells and makes every cell inert', () => {
    const table = formatTable(['A', 'B'], [['x'.repeat(50), 'two\nlines']], 10);
    expect(table).toBe('A           B\nxxxxxxxxx…  two\\x0ali…\n');
  });
});
