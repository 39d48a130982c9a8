import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { parseSubmission } from '../../../shared/core/parse/index.ts';
import { deviationCodes, fixtureBytes, onlyMessage, parseFixture } from './fixture.ts';

describe('MIME quirks of real feeds', () => {
  it('reads CR-only line ends and hands out the original with CRLF', () => {
    const submission = parseFixture('arf-cr-only-line-ends.eml');
    const message = onlyMessage(submission);
    expect(message.feedback.sourceIp).toBe('192.0.2.25');
    expect(message.rawHeaders).toBe(onlyMessage(parseFixture('arf-rfc5965-standard.eml')).rawHeaders);
    expect(Buffer.from(message.rawBody!).toString()).toBe('Buy now.\r\n');
    expect(deviationCodes(submission)).toContain('mail.bare-line-ends');
  });

  it('reads LF-only line ends the same as CRLF', () => {
    const lf = onlyMessage(parseFixture('arf-lf-only-line-ends.eml'));
    const crlf = onlyMessage(parseFixture('arf-rfc5965-standard.eml'));
    expect(lf.rawHeaders).toBe(crlf.rawHeaders);
    expect(lf.fingerprint).toBe(crlf.fingerprint);
  });

  it('skips a UTF-8 byte order mark before the first header', () => {
    const submission = parseFixture('arf-bom-before-headers.eml');
    expect(submission.kind).toBe('arf');
    expect(submission.reporter.envelopeFrom).toBe('fbl@reporter.example');
    expect(deviationCodes(submission)).toEqual(['mail.bom']);
  });

  it('skips an mbox "From " line before the headers', () => {
    const submission = parseFixture('mbox-from-line-before-headers.eml');
    expect(submission.kind).toBe('arf');
    expect(deviationCodes(submission)).toContain('mail.mbox-from-line');
  });

  it('reads the last part when the close boundary is missing', () => {
    const submission = parseFixture('arf-close-boundary-missing.eml');
    expect(onlyMessage(submission).messageId).toBe('<orig-1@tenant.example>');
    expect(deviationCodes(submission)).toContain('mime.close-boundary-missing');
  });

  it('reads report-type after the boundary on a folded Content-Type', () => {
    const submission = parseFixture('arf-folded-content-type-boundary-first.eml');
    expect(submission.kind).toBe('arf');
    expect(deviationCodes(submission)).not.toContain('arf.report-type');
  });

  it('treats a whitespace-only line as the end of a header block (Domino)', () => {
    const submission = parseFixture('corpus-domino-ruf-whitespace-separator.eml');
    const message = onlyMessage(submission);
    expect(message.feedback.feedbackType).toBe('auth-failure');
    expect(message.feedback.originalRcptTo).toEqual(['peter.pan@domain.de']);
    expect(deviationCodes(submission)).toContain('mime.whitespace-separator');
  });

  it('skips a whitespace-only line before the first header (Thunderbird)', () => {
    const submission = parseFixture('corpus-thunderbird-forward-leading-blank-line.eml');
    expect(submission.kind).toBe('forward');
    expect(onlyMessage(submission).headers.length).toBeGreaterThan(5);
    expect(deviationCodes(submission)).toContain('mime.leading-blank-line');
  });

  it('does not take a longer boundary that shares the prefix for a delimiter', () => {
    const mail = [
      'From: a@b.example',
      'Subject: Fwd: x',
      'Content-Type: multipart/mixed; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain',
      '',
      '--bb is not a delimiter',
      '--b',
      'Content-Type: message/rfc822',
      '',
      'From: spammer@tenant.example',
      'Message-ID: <m@tenant.example>',
      '',
      'hi',
      '--b--',
      '',
    ].join('\r\n');
    const submission = parseSubmission(Buffer.from(mail));
    expect(submission.messages.map((message) => message.messageId)).toEqual(['<m@tenant.example>']);
  });

  it('keeps bytes of the reported message exact, 8-bit included', () => {
    const message = onlyMessage(parseFixture('arf-rfc5965-standard.eml'));
    const raw = Buffer.from(fixtureBytes('arf-rfc5965-standard.eml')).toString('latin1');
    expect(raw.includes(message.rawHeaders)).toBe(true);
  });

  it('recognises an .eml attachment whose file name is an RFC 2047 encoded-word', () => {
    const mail = [
      'From: a@b.example',
      'Content-Type: multipart/mixed; boundary="b"',
      '',
      '--b',
      'Content-Type: application/octet-stream; name="=?utf-8?B?U3BhbS5lbWw=?="',
      '',
      'From: spammer@tenant.example',
      'Message-ID: <encoded-name@tenant.example>',
      '',
      'hi',
      '--b--',
      '',
    ].join('\r\n');
    const submission = parseSubmission(Buffer.from(mail));
    expect(submission.messages.map((message) => message.messageId)).toEqual([
      '<encoded-name@tenant.example>',
    ]);
  });
});
