import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { parseSubmission } from '../../../shared/core/parse/index.ts';
import { parseFixture } from './fixture.ts';

describe('parseSubmission on mail that is not a report', () => {
  it.each([
    ['dsn-multipart-report-delivery-status.eml', 'dsn'],
    ['dsn-plain-text-bounce-from-mailer-daemon.eml', 'dsn'],
    ['corpus-dsn-ezweb-iso-2022-jp.eml', 'dsn'],
    ['auto-reply-rfc3834.eml', 'auto-reply'],
    ['dmarc-aggregate-zip.eml', 'dmarc-aggregate'],
    ['corpus-dmarc-aggregate-google-zip.eml', 'dmarc-aggregate'],
    ['read-receipt-disposition-notification.eml', 'read-receipt'],
    ['empty-body.eml', 'empty'],
    ['no-reported-message-plain-complaint.eml', 'no-reported-message'],
  ])('classifies %s as unusable with reason %s', (name, code) => {
    const submission = parseFixture(name);
    expect(submission.kind).toBe('unusable');
    expect(submission.messages).toEqual([]);
    expect(submission.unusableReason?.code).toBe(code);
    expect(submission.unusableReason?.message.length).toBeGreaterThan(5);
  });

  it('still reports who sent an unusable mail', () => {
    const submission = parseFixture('auto-reply-rfc3834.eml');
    expect(submission.reporter.headerFrom).toBe('alice@user.example');
    expect(submission.subject).toBe('Out of office');
  });

  it('calls zero bytes and whitespace-only input empty', () => {
    expect(parseSubmission(new Uint8Array()).unusableReason?.code).toBe('empty');
    expect(parseSubmission(Buffer.from(' \r\n\n\t\n')).unusableReason?.code).toBe('empty');
  });

  it('calls text without any header field not-mail', () => {
    expect(parseSubmission(Buffer.from('// Not an RFC-822 Document')).unusableReason?.code).toBe('not-mail');
  });
});
