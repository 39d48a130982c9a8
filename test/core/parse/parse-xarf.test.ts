import { describe, expect, it } from 'vitest';
import { deviationCodes, onlyMessage, parseFixture } from './fixture.ts';

describe('parseSubmission on X-ARF reports', () => {
  it('reads an X-ARF v0.2 mail: YAML report part and the message/rfc822 evidence', () => {
    const submission = parseFixture('xarf-mail-v02-yaml.eml');
    expect(submission.kind).toBe('xarf');
    const message = onlyMessage(submission);
    expect(message.xarf).toEqual({ version: '0.2', category: 'abuse', type: 'spam' });
    expect(message.source).toBe('xarf');
    expect(message.feedback).toMatchObject({ feedbackType: 'abuse', sourceIp: '192.0.2.25' });
    expect(message.messageId).toBe('<orig-1@tenant.example>');
  });

  it('reads X-ARF v4 JSON attached to a mail with its base64 message evidence', () => {
    const message = onlyMessage(parseFixture('xarf-mail-json-v4-attachment.eml'));
    expect(message.xarf).toEqual({ version: '4.2.0', category: 'messaging', type: 'spam' });
    expect(message.feedback.arrivalDate).toBe('2024-03-05T10:00:02.000Z');
    expect(message.completeness).toBe('full');
    expect(message.from?.address).toBe('juergen@tenant.example');
  });

  it('reads a bare X-ARF v4 JSON document and takes the reporter from it', () => {
    const submission = parseFixture('xarf-v4-json-bare.json');
    expect(submission.kind).toBe('xarf');
    expect(submission.reporter).toEqual({ domain: 'trap.example', headerFrom: 'reports@trap.example' });
    expect(deviationCodes(submission)).toContain('xarf.bare-json');
  });

  it('converts an X-ARF v3 document into v4 terms, with its base64 message evidence', () => {
    const submission = parseFixture('corpus-xarf-v3-spam.json');
    const message = onlyMessage(submission);
    expect(message.xarf).toEqual({ version: '3.0.0', category: 'messaging', type: 'spam' });
    expect(message.feedback).toMatchObject({
      feedbackType: 'abuse',
      sourceIp: '192.168.1.100',
      arrivalDate: '2024-01-15T14:30:25.000Z',
      originalMailFrom: 'marketing@example.com',
    });
    expect(message.headers[0]?.name).toBe('Received');
    expect(submission.reporter.domain).toBe('antispam-service.example');
    expect(deviationCodes(submission)).toContain('xarf.legacy-version');
  });

  it('reads a v4 user complaint whose evidence is a real spam with its full headers', () => {
    const submission = parseFixture('corpus-xarf-v4-user-complaint.json');
    const message = onlyMessage(submission);
    expect(message.xarf).toEqual({ version: '4.0.0', category: 'messaging', type: 'spam' });
    expect(message.headers.length).toBeGreaterThan(5);
    expect(message.feedback.sourceIp).toBe('209.85.220.65');
  });

  it('rejects an X-ARF v4 document with an unknown category as xarf-invalid', () => {
    const submission = parseFixture('xarf-v4-json-unknown-category.json');
    expect(submission.kind).toBe('unusable');
    expect(submission.unusableReason).toEqual({
      code: 'xarf-invalid',
      message: 'X-ARF category "nonsense" is not a v4 category',
    });
  });

  it('rejects a legacy X-ARF document with an invalid SourceIp as xarf-invalid', () => {
    expect(parseFixture('corpus-xarf-legacy-invalid-ip.json').unusableReason?.code).toBe('xarf-invalid');
  });

  it('rejects an X-ARF mail whose YAML does not parse as xarf-invalid', () => {
    expect(parseFixture('xarf-mail-yaml-unparseable.eml').unusableReason?.code).toBe('xarf-invalid');
  });
});
