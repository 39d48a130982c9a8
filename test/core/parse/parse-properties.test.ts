import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SUBMISSION_KINDS, type Submission } from '../../../shared/core/model/index.ts';
import { type ParseLimits, parseSubmission } from '../../../shared/core/parse/index.ts';
import { FIXTURE_DIR, fixtureBytes } from './fixture.ts';

const MAILS = readdirSync(FIXTURE_DIR)
  .filter((name) => !name.endsWith('.md'))
  .map((name) => fixtureBytes(name));

/** The invariants every parse result keeps, whatever the input. */
function expectWellFormed(submission: Submission, raw: Uint8Array, limits: Partial<ParseLimits> = {}): void {
  expect(SUBMISSION_KINDS).toContain(submission.kind);
  expect(submission.unusableReason?.code).not.toBe('internal');
  expect(submission.kind === 'unusable').toBe(submission.unusableReason !== undefined);
  if (submission.kind === 'unusable') expect(submission.messages).toEqual([]);
  expect(submission.size).toBe(raw.length);
  expect(submission.messages.length).toBeLessThanOrEqual(limits.maxReportedMessages ?? 100);
  submission.messages.forEach((message, index) => {
    expect(message.index).toBe(index);
    expect(message.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(message.completeness === 'full').toBe(message.rawBody !== undefined);
    expect(message.headers.length).toBeLessThanOrEqual(limits.maxHeaderFields ?? 1000);
  });
}

/** A real report with random damage: flipped bytes, cuts, stray line ends and boundary fragments. */
const mutatedReport = fc
  .tuple(
    fc.constantFrom(...MAILS),
    fc.array(
      fc.tuple(
        fc.nat(),
        fc.constantFrom('flip', 'cut', 'insert', 'delete', 'duplicate'),
        fc.constantFrom(
          '\r',
          '\n',
          '\r\n\r\n',
          '--',
          '=?',
          '=\r\n',
          ';',
          '"',
          ':',
          '\u00ff',
          'Content-Type: multipart/mixed; boundary=x\r\n',
        ),
      ),
      { maxLength: 6 },
    ),
  )
  .map(([mail, edits]) => {
    let bytes = Buffer.from(mail);
    for (const [position, edit, text] of edits) {
      const at = bytes.length === 0 ? 0 : position % bytes.length;
      if (edit === 'flip' && bytes.length > 0) bytes[at] = (bytes[at]! ^ 0x5a) & 0xff;
      else if (edit === 'cut') bytes = bytes.subarray(0, at);
      else if (edit === 'insert')
        bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(text, 'latin1'), bytes.subarray(at)]);
      else if (edit === 'delete') bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + 16)]);
      else bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at, at + 200), bytes.subarray(at)]);
    }
    return new Uint8Array(bytes);
  });

const smallLimits = fc.record({
  maxParts: fc.integer({ min: 1, max: 20 }),
  maxMimeDepth: fc.integer({ min: 0, max: 4 }),
  maxHeaderFields: fc.integer({ min: 1, max: 50 }),
  maxHeaderLineLength: fc.integer({ min: 10, max: 2000 }),
  maxReportedMessages: fc.integer({ min: 1, max: 3 }),
  maxBytes: fc.integer({ min: 10, max: 100_000 }),
});

describe('parseSubmission properties (fast-check)', () => {
  it('never throws on arbitrary bytes and always returns a well-formed submission', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), (raw) => {
        expectWellFormed(parseSubmission(raw), raw);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on mail-shaped text made of header and MIME fragments', () => {
    const fragment = fc.constantFrom(
      'From: a@b.example\r\n',
      'Content-Type: multipart/report; report-type=feedback-report; boundary=b\r\n',
      'Content-Type: message/rfc822\r\n',
      'Content-Transfer-Encoding: base64\r\n',
      'Content-Type: message/feedback-report\r\n',
      'Feedback-Type: abuse\r\n',
      'Received: from x ([192.0.2.1]) by y; Tue, 5 Mar 2024 10:00:00 +0000\r\n',
      '\r\n',
      '--b\r\n',
      '--b--\r\n',
      ' folded\r\n',
      '{"xarf_version":"4.0.0","category":"messaging"',
      '---------- Forwarded message ---------\r\n',
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 60 }), (fragments) => {
        const raw = new Uint8Array(Buffer.from(fragments.join(''), 'latin1'));
        expectWellFormed(parseSubmission(raw), raw);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on mutated real reports and stays deterministic', () => {
    fc.assert(
      fc.property(mutatedReport, (raw) => {
        const first = parseSubmission(raw);
        expectWellFormed(first, raw);
        expect(parseSubmission(raw)).toEqual(first);
      }),
      { numRuns: 300 },
    );
  });

  it('respects any limits it is given, refusing with a limit reason instead', () => {
    fc.assert(
      fc.property(mutatedReport, smallLimits, (raw, limits) => {
        const submission = parseSubmission(raw, limits);
        expectWellFormed(submission, raw, limits);
        if (raw.length > limits.maxBytes) expect(submission.unusableReason?.code).toBe('limit.size');
      }),
      { numRuns: 300 },
    );
  });
});
