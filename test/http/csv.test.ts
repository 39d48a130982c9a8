import { describe, expect, it } from 'vitest';
import { csvCell, csvRow } from '../../shared/http/csv.ts';

describe('csvRow', () => {
  it('quotes fields with commas, quotes and line breaks (RFC 4180 §2)', () => {
    expect(csvRow(['a,b', 'say "hi"', 'two\r\nlines', 7, null])).toBe(
      '"a,b","say ""hi""","two\r\nlines",7,\r\n',
    );
  });

  it('defuses attacker-controlled cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=HYPERLINK("http://evil.example","x")')).toBe(
      `"'=HYPERLINK(""http://evil.example"",""x"")"`,
    );
    expect(csvCell('+1+1')).toBe("'+1+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-3)).toBe('-3');
  });
});
