import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { parseSubmission } from '../../../shared/core/parse/index.ts';
import { fixtureBytes } from './fixture.ts';

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

describe('hostile Outlook .msg attachments', () => {
  it('refuses a .msg whose directory sector chain loops instead of letting msgreader exhaust the heap', () => {
    const mail = Buffer.from(fixtureBytes('forward-outlook-msg-attachment.eml')).toString('latin1');
    const start = mail.indexOf('base64\r\n\r\n') + 'base64\r\n\r\n'.length;
    const end = mail.indexOf('\r\n--fwd-b1--');
    const msg = Buffer.from(mail.slice(start, end), 'base64');
    const directorySector = msg.readInt32LE(0x30);
    const fatSector = msg.readInt32LE(0x4c);
    msg.writeInt32LE(directorySector, (fatSector + 1) * 512 + 4 * directorySector);
    const hostile =
      mail.slice(0, start) + msg.toString('base64').replace(/.{76}/g, '$&\r\n') + mail.slice(end);
    const submission = parseSubmission(Buffer.from(hostile, 'latin1'));
    expect(submission.unusableReason).toEqual({
      code: 'msg-unreadable',
      message: 'Outlook .msg attachment refused: directory chain loops',
    });
  });
});
