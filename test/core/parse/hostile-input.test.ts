import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { parseSubmission } from '../../../shared/core/parse/index.ts';

const parse = (text: string) => parseSubmission(Buffer.from(text, 'latin1'));

describe('hostile input', () => {
  it('stops at the header-field limit without reading millions of fields first', () => {
    const submission = parse(`From: a@b.example\r\n${'X: y\r\n'.repeat(2_000_000)}\r\nbody`);
    expect(submission.unusableReason?.code).toBe('limit.header-fields');
  });

  it('converts HTML full of unclosed tags in linear time (no regex backtracking)', () => {
    const submission = parse(
      `From: a@b.example\r\nSubject: Fwd: x\r\nContent-Type: text/html\r\n\r\n${'<script'.repeat(300_000)}`,
    );
    expect(submission.unusableReason?.code).toBe('no-reported-message');
  });

  it('refuses a boundary bomb of a hundred thousand empty parts', () => {
    const submission = parse(
      `From: a@b.example\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n${'--b\r\n\r\nx\r\n'.repeat(100_000)}`,
    );
    expect(submission.unusableReason?.code).toBe('limit.parts');
  });

  it('refuses a five-megabyte Subject by the line-length limit', () => {
    const submission = parse(`From: a@b.example\r\nSubject: ${'x'.repeat(5_000_000)}\r\n\r\nbody`);
    expect(submission.unusableReason?.code).toBe('limit.header-line-length');
  });

  it('decodes thousands of adjacent encoded-words in a subject', () => {
    const submission = parse(`From: a@b.example\r\nSubject: ${'=?utf-8?q?a?= '.repeat(4000)}\r\n\r\nx`);
    expect(submission.subject).toBe('a'.repeat(4000));
  });
});
