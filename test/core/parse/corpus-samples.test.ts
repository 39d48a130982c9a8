import { describe, expect, it } from 'vitest';
import { deviationCodes, onlyMessage, parseFixture } from './fixture.ts';

describe('real reports copied from public corpora (see test/fixtures/parse/SOURCES.md)', () => {
  it('reads sisimai arf-12: opt-out with Removal-Recipient and a text/rfc822-header original', () => {
    const submission = parseFixture('corpus-sisimai-arf-12-opt-out-rfc822-header.eml');
    const message = onlyMessage(submission);
    expect(message.feedback.feedbackType).toBe('opt-out');
    expect(message.feedback.removalRecipient.length).toBeGreaterThan(0);
    expect(message.completeness).toBe('headers-only');
    expect(message.headers.length).toBeGreaterThan(3);
  });

  it('reads the Mail.ru FBL with its lower-case feedback-type field and quoted-printable original', () => {
    const submission = parseFixture('corpus-mailru-fbl-lowercase-feedback-type.eml');
    expect(submission.kind).toBe('arf');
    const message = onlyMessage(submission);
    expect(message.feedback.feedbackType).toBe('abuse');
    expect(message.feedback.userAgent).toBe('Email::ARF::Report/0.006');
    expect(message.headers.length).toBeGreaterThan(10);
    expect(deviationCodes(submission)).toContain('arf.field-name-case');
  });

  it("recovers the Gmail inline forward's quoted header block", () => {
    const message = onlyMessage(parseFixture('corpus-gmail-inline-forward.eml'));
    expect(message.source).toBe('inline-quote');
    expect(message.subject).toBe('Cia|i$ ViAgra FR EURO E');
  });

  it('classifies the ezweb ISO-2022-JP bounce as a DSN and decodes its subject', () => {
    const submission = parseFixture('corpus-dsn-ezweb-iso-2022-jp.eml');
    expect(submission.unusableReason?.code).toBe('dsn');
  });
});
