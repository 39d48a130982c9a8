import { describe, expect, it } from 'vitest';
import { joinMbox, looksLikeMbox, splitMbox } from '../../../local/ingest/mbox.ts';

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

describe('splitMbox', () => {
  it('splits on From_ separators and normalises line ends to CRLF', () => {
    const mbox =
      'From a@b Thu Jan  1 00:00:00 1970\nSubject: one\n\nbody 1\n\nFrom c@d Thu Jan  1 00:00:00 1970\nSubject: two\n\nbody 2\n';
    expect(splitMbox(Buffer.from(mbox)).map(text)).toEqual([
      'Subject: one\r\n\r\nbody 1\r\n',
      'Subject: two\r\n\r\nbody 2\r\n',
    ]);
  });

  it('undoes one level of >From quoting (mboxrd) and keeps 8-bit bytes', () => {
    const mbox = Buffer.concat([
      Buffer.from('From x Thu Jan  1 00:00:00 1970\nSubject: q\n\n>From here\n>>From there\n'),
      Buffer.from([0xe9, 0x0a]),
    ]);
    const [message] = splitMbox(mbox);
    expect(text(message ?? new Uint8Array())).toBe('Subject: q\r\n\r\nFrom here\r\n>From there\r\n\xe9\r\n');
  });

  it('round-trips messages through joinMbox', () => {
    const messages = ['Subject: a\r\n\r\nFrom the start\r\n', 'Subject: b\r\n\r\n>From quoted\r\n'].map((m) =>
      Buffer.from(m),
    );
    expect(splitMbox(joinMbox(messages)).map(text)).toEqual(messages.map((m) => m.toString('latin1')));
  });

  it('recognises an mbox by its first line', () => {
    expect(looksLikeMbox(Buffer.from('From x'))).toBe(true);
    expect(looksLikeMbox(Buffer.from('From: x'))).toBe(false);
  });
});
