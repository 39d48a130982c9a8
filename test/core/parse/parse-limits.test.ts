import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARSE_LIMITS, parseSubmission } from '../../../shared/core/parse/index.ts';
import { fixtureBytes } from './fixture.ts';

const nested = (depth: number): string => {
  let body = 'From: a@b.example\r\nSubject: innermost\r\n\r\nhello\r\n';
  for (let i = 0; i < depth; i++) {
    body = `From: a@b.example\r\nSubject: Fwd: level ${i}\r\nContent-Type: message/rfc822\r\n\r\n${body}`;
  }
  return body;
};

describe('parse limits', () => {
  it("names SES's 40 MiB receiving limit as the default size", () => {
    expect(DEFAULT_PARSE_LIMITS.maxBytes).toBe(40 * 1024 * 1024);
  });

  it('refuses a submission over maxBytes as limit.size', () => {
    const submission = parseSubmission(fixtureBytes('arf-rfc5965-standard.eml'), { maxBytes: 100 });
    expect(submission.unusableReason?.code).toBe('limit.size');
    expect(submission.size).toBeGreaterThan(100);
  });

  it('refuses MIME nesting deeper than maxMimeDepth as limit.mime-depth', () => {
    expect(parseSubmission(Buffer.from(nested(20))).unusableReason?.code).toBe('limit.mime-depth');
    expect(parseSubmission(Buffer.from(nested(3))).kind).toBe('forward');
  });

  it('refuses more parts than maxParts as limit.parts', () => {
    const parts = Array.from({ length: 50 }, () => '--b\r\nContent-Type: text/plain\r\n\r\nx\r\n').join('');
    const mail = `From: a@b.example\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n${parts}--b--\r\n`;
    expect(parseSubmission(Buffer.from(mail), { maxParts: 10 }).unusableReason?.code).toBe('limit.parts');
  });

  it('refuses a header block with more fields than maxHeaderFields as limit.header-fields', () => {
    const mail = `${'X-A: 1\r\n'.repeat(30)}From: a@b.example\r\n\r\nbody`;
    expect(parseSubmission(Buffer.from(mail), { maxHeaderFields: 20 }).unusableReason?.code).toBe(
      'limit.header-fields',
    );
  });

  it('refuses an unfolded field longer than maxHeaderLineLength as limit.header-line-length', () => {
    const mail = `From: a@b.example\r\nSubject: ${'x'.repeat(500)}\r\n\r\nbody`;
    const submission = parseSubmission(Buffer.from(mail), { maxHeaderLineLength: 100 });
    expect(submission.unusableReason?.code).toBe('limit.header-line-length');
  });

  it('refuses more reported messages than maxReportedMessages as limit.reported-messages', () => {
    const submission = parseSubmission(fixtureBytes('forward-two-attached-messages.eml'), {
      maxReportedMessages: 1,
    });
    expect(submission.unusableReason?.code).toBe('limit.reported-messages');
  });

  it('ignores limit overrides that are not positive numbers', () => {
    const submission = parseSubmission(fixtureBytes('arf-rfc5965-standard.eml'), {
      maxBytes: -1,
      maxParts: Number.NaN,
    });
    expect(submission.kind).toBe('arf');
  });
});
