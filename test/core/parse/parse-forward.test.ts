import { describe, expect, it } from 'vitest';
import { deviationCodes, onlyMessage, parseFixture } from './fixture.ts';

describe('parseSubmission on forwarded spam', () => {
  it('takes a message/rfc822 attachment as the reported message, feedback type abuse derived', () => {
    const submission = parseFixture('forward-attached-rfc822.eml');
    expect(submission.kind).toBe('forward');
    expect(submission.reporter).toMatchObject({
      headerFrom: 'alice@user.example',
      userAgent: 'Thunderbird/115',
    });
    const message = onlyMessage(submission);
    expect(message).toMatchObject({ source: 'attachment', confidence: 'high', completeness: 'full' });
    expect(message.feedback.feedbackType).toBe('abuse');
    expect(message.feedback.derived).toEqual(['feedback-type', 'source-ip', 'arrival-date']);
    expect(message.feedback.sourceIp).toBe('192.0.2.25');
    expect(message.messageId).toBe('<orig-1@tenant.example>');
  });

  it('recovers a message/rfc822 part with Content-Disposition inline with its headers', () => {
    const message = onlyMessage(parseFixture('forward-rfc822-disposition-inline.eml'));
    expect(message.source).toBe('inline-message');
    expect(message.from?.address).toBe('juergen@tenant.example');
  });

  it('opens an .eml attachment sent as base64 application/octet-stream', () => {
    const submission = parseFixture('forward-eml-as-octet-stream-base64.eml');
    expect(onlyMessage(submission).messageId).toBe('<orig-1@tenant.example>');
    expect(deviationCodes(submission)).toContain('forward.eml-content-type');
  });

  it('recognises an .eml file name given as RFC 2231 continuations', () => {
    const submission = parseFixture('forward-eml-filename-rfc2231-continuation.eml');
    expect(submission.kind).toBe('forward');
    expect(onlyMessage(submission).subject).toBe('Grüße aus Berlin');
  });

  it('yields one reported message per attached message, indexed in order', () => {
    const submission = parseFixture('forward-two-attached-messages.eml');
    expect(submission.messages.map((message) => [message.index, message.messageId])).toEqual([
      [0, '<orig-1@tenant.example>'],
      [1, '<orig-2@tenant.example>'],
    ]);
    expect(submission.messages[0]!.fingerprint).not.toBe(submission.messages[1]!.fingerprint);
  });

  it('uses the innermost message of a nested forward', () => {
    const submission = parseFixture('forward-nested-forward.eml');
    expect(onlyMessage(submission).messageId).toBe('<orig-1@tenant.example>');
    expect(deviationCodes(submission)).toContain('forward.nested');
  });

  it('gives the same fingerprint to the same original however it was forwarded', () => {
    const fingerprints = [
      'forward-attached-rfc822.eml',
      'forward-nested-forward.eml',
      'forward-eml-as-octet-stream-base64.eml',
      'arf-rfc5965-standard.eml',
    ].map((name) => onlyMessage(parseFixture(name)).fingerprint);
    expect(new Set(fingerprints).size).toBe(1);
  });

  it('recovers the quoted header block under a Gmail forward marker with low confidence', () => {
    const submission = parseFixture('forward-inline-gmail-marker.eml');
    expect(submission.kind).toBe('forward');
    const message = onlyMessage(submission);
    expect(message).toMatchObject({
      source: 'inline-quote',
      confidence: 'low',
      completeness: 'headers-only',
    });
    expect(message.from?.address).toBe('juergen@tenant.example');
    expect(message.subject).toBe('Buy now');
    expect(deviationCodes(submission)).toContain('forward.inline');
  });

  it("recovers the header block under Outlook's -----Original Message----- marker", () => {
    const message = onlyMessage(parseFixture('forward-inline-outlook-original-message.eml'));
    expect(message.from?.address).toBe('juergen@tenant.example');
    expect(message.headers.map((field) => field.name)).toEqual(['From', 'Sent', 'To', 'Subject']);
  });

  it('takes the date of an Outlook inline quote from its Sent: line, read as UTC', () => {
    const message = onlyMessage(parseFixture('forward-inline-outlook-original-message.eml'));
    expect(message.date).toBe('2024-03-05T10:00:00.000Z');
    expect(message.feedback.arrivalDate).toBe('2024-03-05T10:00:00.000Z');
    expect(message.feedback.derived).toContain('arrival-date');
  });

  it('recovers a >-quoted header block under Apple Mail\'s "Begin forwarded message:"', () => {
    const message = onlyMessage(parseFixture('forward-inline-apple-quoted.eml'));
    expect(message.messageId).toBe('<orig-1@tenant.example>');
    expect(message.date).toBe('2024-03-05T10:00:00.000Z');
  });

  it('gives a specific reason when an Outlook .msg attachment cannot be read', () => {
    const submission = parseFixture('forward-outlook-msg-unreadable.eml');
    expect(submission.kind).toBe('unusable');
    expect(submission.unusableReason?.code).toBe('msg-unreadable');
  });
});

describe('parseSubmission on Outlook .msg attachments', () => {
  it("recovers the transport headers of an attached .msg (built with msgreader's CFB burner)", () => {
    const submission = parseFixture('forward-outlook-msg-attachment.eml');
    expect(submission.kind).toBe('forward');
    const message = onlyMessage(submission);
    expect(message).toMatchObject({
      source: 'attachment',
      completeness: 'headers-only',
      messageId: '<msg-1@tenant.example>',
    });
    expect(message.feedback.sourceIp).toBe('192.0.2.25');
    expect(deviationCodes(submission)).toContain('forward.outlook-msg');
  });
});

describe('parseSubmission on a forwarded ARF report', () => {
  it("unwraps the report to its original, keeping the report's feedback fields", () => {
    const submission = parseFixture('forward-of-arf-report.eml');
    expect(submission.kind).toBe('forward');
    const message = onlyMessage(submission);
    expect(message.messageId).toBe('<orig-1@tenant.example>');
    expect(message.feedback).toMatchObject({ userAgent: 'SomeGenerator/1.0', incidents: 3, derived: [] });
    expect(deviationCodes(submission)).toContain('forward.nested');
  });
});
