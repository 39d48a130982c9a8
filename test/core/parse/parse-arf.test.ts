import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { deviationCodes, onlyMessage, parseFixture } from './fixture.ts';

describe('parseSubmission on ARF reports (RFC 5965)', () => {
  it('reads every feedback field, the reporter and the full original of a standard report', () => {
    const submission = parseFixture('arf-rfc5965-standard.eml');
    expect(submission.kind).toBe('arf');
    expect(submission.deviations).toEqual([]);
    expect(submission.reporter).toEqual({
      envelopeFrom: 'fbl@reporter.example',
      headerFrom: 'fbl@reporter.example',
      domain: 'reporter.example',
      userAgent: 'SomeGenerator/1.0',
    });
    const message = onlyMessage(submission);
    expect(message.source).toBe('arf-message');
    expect(message.completeness).toBe('full');
    expect(message.feedback).toMatchObject({
      feedbackType: 'abuse',
      userAgent: 'SomeGenerator/1.0',
      version: '1',
      originalMailFrom: 'bounce@tenant.example',
      originalRcptTo: ['victim@reporter.example', 'victim2@reporter.example'],
      arrivalDate: '2024-03-05T10:00:02.000Z',
      sourceIp: '192.0.2.25',
      reportedDomain: ['tenant.example'],
      reportedUri: ['http://tenant.example/buy'],
      incidents: 3,
      removalRecipient: ['victim@reporter.example'],
      derived: [],
      extra: { 'x-custom-field': ['kept'] },
    });
    expect(message.feedback.authenticationResults).toEqual([
      'mx.reporter.example; dkim=pass header.d=tenant.example',
    ]);
  });

  it('keeps the original byte-exact with CRLF line ends and decodes its header fields', () => {
    const message = onlyMessage(parseFixture('arf-rfc5965-standard.eml'));
    expect(
      message.rawHeaders.startsWith(
        'Received: from mail.tenant.example (mail.tenant.example [192.0.2.25])\r\n\tby',
      ),
    ).toBe(true);
    expect(message.rawHeaders.endsWith('Content-Type: text/plain; charset=utf-8')).toBe(true);
    expect(Buffer.from(message.rawBody!).toString()).toBe('Buy now.\r\n');
    expect(message.messageId).toBe('<orig-1@tenant.example>');
    expect(message.from).toEqual({
      address: 'juergen@tenant.example',
      domain: 'tenant.example',
      name: 'Jürgen Sender',
    });
    expect(message.returnPath).toEqual({ address: 'bounce@tenant.example', domain: 'tenant.example' });
    expect(message.subject).toBe('Grüße aus Berlin');
    expect(message.date).toBe('2024-03-05T10:00:00.000Z');
    expect(message.feedbackId).toBe('campaign42:tenant-7:newsletter:platform');
    expect(message.cfblFeedbackId).toBe('1234:tenant-7');
    expect(message.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('parses the Received chain hop by hop, IPv6 client addresses normalised', () => {
    const [first, second] = onlyMessage(parseFixture('arf-rfc5965-standard.eml')).received;
    expect(first).toMatchObject({
      index: 0,
      from: 'mail.tenant.example',
      fromReverseDns: 'mail.tenant.example',
      clientIp: '192.0.2.25',
      by: 'mx.reporter.example',
      with: 'ESMTPS',
      id: '4XyZ1',
      for: 'victim@reporter.example',
      time: '2024-03-05T10:00:02.000Z',
    });
    expect(second).toMatchObject({
      index: 1,
      clientIp: '2001:db8::7',
      with: 'ESMTPSA',
      by: 'mail.tenant.example',
    });
  });

  it('parses DKIM-Signature tags with their header position', () => {
    const message = onlyMessage(parseFixture('arf-rfc5965-standard.eml'));
    expect(message.dkimSignatures).toHaveLength(1);
    const signature = message.dkimSignatures[0]!;
    expect(message.headers[signature.headerIndex]!.name).toBe('DKIM-Signature');
    expect(signature).toMatchObject({
      d: 'tenant.example',
      s: 'sel1',
      a: 'rsa-sha256',
      c: 'relaxed/relaxed',
      t: 1709632801,
      h: ['from', 'to', 'subject', 'date', 'message-id', 'from'],
    });
  });

  it('reads the submission authentication from the top-most Authentication-Results and SES verdicts', () => {
    const { authentication } = parseFixture('arf-rfc5965-standard.eml');
    expect(authentication.authenticationResults).toHaveLength(2);
    expect(authentication).toMatchObject({
      spf: 'pass',
      dkim: 'pass',
      dmarc: 'pass',
      dkimDomains: ['reporter.example'],
      sesSpamVerdict: 'PASS',
      sesVirusVerdict: 'PASS',
    });
  });

  it('accepts a feedback part sent as text/plain and records it', () => {
    const submission = parseFixture('arf-feedback-part-as-text-plain.eml');
    expect(submission.kind).toBe('arf');
    expect(onlyMessage(submission).feedback.sourceIp).toBe('192.0.2.25');
    expect(deviationCodes(submission)).toContain('arf.feedback-part-content-type');
  });

  it('takes a headers-only original declared as text/rfc822-header', () => {
    const submission = parseFixture('arf-headers-only-misspelled-type.eml');
    const message = onlyMessage(submission);
    expect(message.source).toBe('arf-headers');
    expect(message.completeness).toBe('headers-only');
    expect(message.rawBody).toBeUndefined();
    expect(message.messageId).toBe('<orig-1@tenant.example>');
    expect(deviationCodes(submission)).toContain('arf.headers-content-type');
  });

  it('reads lower-case field names, Source-Ip and a missing Version, recording each', () => {
    const submission = parseFixture('arf-lowercase-fields-no-version-source-ip-spelling.eml');
    const message = onlyMessage(submission);
    expect(message.feedback.feedbackType).toBe('abuse');
    expect(message.feedback.userAgent).toBe('Email::ARF::Report/0.006');
    expect(message.feedback.sourceIp).toBe('192.0.2.25');
    expect(deviationCodes(submission)).toEqual(
      expect.arrayContaining(['arf.field-name-case', 'arf.version-missing']),
    );
  });

  it('derives a missing Source-IP and Arrival-Date from the original and marks them derived', () => {
    const message = onlyMessage(parseFixture('arf-source-ip-and-arrival-date-missing.eml'));
    expect(message.feedback.sourceIp).toBe('192.0.2.25');
    expect(message.feedback.arrivalDate).toBe('2024-03-05T10:00:02.000Z');
    expect(message.feedback.derived).toEqual(['source-ip', 'arrival-date']);
  });

  it('reads the pre-RFC Received-Date as the arrival date', () => {
    const submission = parseFixture('arf-received-date-pre-rfc.eml');
    expect(onlyMessage(submission).feedback.arrivalDate).toBe('2024-03-05T10:00:02.000Z');
    expect(onlyMessage(submission).feedback.derived).toEqual([]);
    expect(deviationCodes(submission)).toEqual(
      expect.arrayContaining(['arf.received-date', 'arf.version-not-1']),
    );
  });

  it('reads an RFC 6591 auth-failure report as kind arf with its DKIM fields', () => {
    const submission = parseFixture('arf-auth-failure-rfc6591.eml');
    expect(submission.kind).toBe('arf');
    expect(onlyMessage(submission).feedback).toMatchObject({
      feedbackType: 'auth-failure',
      authFailure: 'bodyhash',
      deliveryResult: 'delivered',
      dkimDomain: 'tenant.example',
      dkimIdentity: '@tenant.example',
      dkimSelector: 'sel1',
    });
  });

  it('opens a base64-encoded message/rfc822 original and records the encoding', () => {
    const submission = parseFixture('arf-original-base64-encoded.eml');
    const message = onlyMessage(submission);
    expect(message.messageId).toBe('<orig-1@tenant.example>');
    expect(message.completeness).toBe('full');
    expect(deviationCodes(submission)).toContain('mime.encoded-message');
  });

  it('accepts multipart/report without report-type and records it', () => {
    const submission = parseFixture('arf-report-type-missing.eml');
    expect(submission.kind).toBe('arf');
    expect(deviationCodes(submission)).toContain('arf.report-type');
  });

  it('keeps the feedback fields when the original is missing', () => {
    const submission = parseFixture('arf-original-missing.eml');
    const message = onlyMessage(submission);
    expect(message.headers).toEqual([]);
    expect(message.feedback.sourceIp).toBe('192.0.2.25');
    expect(deviationCodes(submission)).toContain('arf.original-missing');
  });

  it('treats a JMRP complaint that is the original itself as the reported message', () => {
    const submission = parseFixture('jmrp-original-is-the-report.eml');
    expect(submission.kind).toBe('arf');
    const message = onlyMessage(submission);
    expect(message.source).toBe('whole-submission');
    expect(message.messageId).toBe('<orig-jmrp@tenant.example>');
    expect(message.feedback.feedbackType).toBe('abuse');
    expect(message.feedback.derived).toEqual(['feedback-type', 'source-ip', 'arrival-date']);
    expect(deviationCodes(submission)).toContain('arf.jmrp-whole-message');
  });
});
