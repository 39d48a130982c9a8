/**
 * Synthetic report mails for the parse benchmark, generated in code (CRLF, as SES stores them): an 8 KB ARF
 * report, a 40 KB forward with an attached message, and a 1 MB forward whose message carries a large attachment.
 */
import { Buffer } from 'node:buffer';

const CRLF = '\r\n';

/** Deterministic filler text of `size` characters, wrapped at 76 columns. */
function filler(size: number, seed: string): string {
  const words = `${seed} lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor`.split(
    ' ',
  );
  const lines: string[] = [];
  let line = '';
  let total = 0;
  for (let i = 0; total < size; i++) {
    const word = words[i % words.length]!;
    if (line.length + word.length + 1 > 76) {
      lines.push(line);
      total += line.length + 2;
      line = '';
    }
    line += (line ? ' ' : '') + word;
  }
  return lines.join(CRLF);
}

/** Base64 of `size` pseudo-random bytes, wrapped at 76 columns (RFC 2045 §6.8). */
function base64Block(size: number): string {
  const bytes = Buffer.alloc(size);
  let state = 0x9e3779b9;
  for (let i = 0; i < size; i++) {
    state = (state * 1664525 + 1013904223) >>> 0;
    bytes[i] = state >>> 24;
  }
  return (bytes.toString('base64').match(/.{1,76}/g) ?? []).join(CRLF);
}

function originalMessage(body: string, id: string): string {
  return [
    'Received: from mail.tenant.example (mail.tenant.example [192.0.2.25])',
    '\tby mx.reporter.example (Postfix) with ESMTPS id 4XyZ1',
    '\tfor <victim@reporter.example>; Tue, 05 Mar 2024 10:00:02 +0000',
    'Received: from [10.0.0.7] (unknown [10.0.0.7]) by mail.tenant.example with ESMTPSA id 77AA;',
    '\tTue, 05 Mar 2024 10:00:01 +0000',
    'DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=tenant.example; s=sel1;',
    '\th=from:to:subject:date:message-id; bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=;',
    `\tb=${base64Block(192).replace(/\r\n/g, '')}`,
    'From: "Tenant News" <news@tenant.example>',
    'To: victim@reporter.example',
    'Subject: =?UTF-8?Q?Gro=C3=9Fe_Angebote?=',
    'Date: Tue, 05 Mar 2024 10:00:00 +0000',
    `Message-ID: <${id}@tenant.example>`,
    'MIME-Version: 1.0',
    body,
  ].join(CRLF);
}

/** An ARF report (RFC 5965) of about 8 KB with the full original. */
export function arfReport8k(): Buffer {
  const original = originalMessage(
    `Content-Type: text/plain; charset=utf-8${CRLF}${CRLF}${filler(6200, 'offer')}`,
    'arf8k',
  );
  return Buffer.from(
    [
      'Return-Path: <fbl@reporter.example>',
      'From: fbl@reporter.example',
      'To: abuse@platform.example',
      'Subject: Abuse report',
      'Date: Tue, 05 Mar 2024 11:00:00 +0000',
      'Message-ID: <report-8k@reporter.example>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=feedback-report; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain',
      '',
      'This is an email abuse report.',
      '--b1',
      'Content-Type: message/feedback-report',
      '',
      'Feedback-Type: abuse',
      'User-Agent: SomeGenerator/1.0',
      'Version: 1',
      'Original-Mail-From: <news@tenant.example>',
      'Original-Rcpt-To: <victim@reporter.example>',
      'Arrival-Date: Tue, 05 Mar 2024 10:00:02 +0000',
      'Source-IP: 192.0.2.25',
      '',
      '--b1',
      'Content-Type: message/rfc822',
      '',
      original,
      '--b1--',
      '',
    ].join(CRLF),
  );
}

function forward(inner: string, id: string): Buffer {
  return Buffer.from(
    [
      'Return-Path: <alice@user.example>',
      'From: Alice <alice@user.example>',
      'To: abuse@platform.example',
      'Subject: Fwd: spam again',
      'Date: Tue, 05 Mar 2024 12:00:00 +0000',
      `Message-ID: <${id}@user.example>`,
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="fwd"',
      '',
      '--fwd',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Please make them stop.',
      '--fwd',
      'Content-Type: message/rfc822',
      'Content-Disposition: attachment; filename="spam.eml"',
      '',
      inner,
      '--fwd--',
      '',
    ].join(CRLF),
  );
}

/** A forward of about 40 KB: a user's note and the spam attached as message/rfc822 (HTML and text). */
export function forward40k(): Buffer {
  const body = [
    'Content-Type: multipart/alternative; boundary="alt"',
    '',
    '--alt',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    filler(12_000, 'plain'),
    '--alt',
    'Content-Type: text/html; charset=utf-8',
    '',
    `<html><body><p>${filler(24_000, 'html')}</p></body></html>`,
    '--alt--',
  ].join(CRLF);
  return forward(originalMessage(body, 'fwd40k'), 'fwd40k');
}

/** A forward of about 1 MB: the attached message carries a base64 PDF of about 740 KB. */
export function forward1m(): Buffer {
  const body = [
    'Content-Type: multipart/mixed; boundary="inner"',
    '',
    '--inner',
    'Content-Type: text/plain; charset=utf-8',
    '',
    filler(2_000, 'invoice'),
    '--inner',
    'Content-Type: application/pdf; name="invoice.pdf"',
    'Content-Disposition: attachment; filename="invoice.pdf"',
    'Content-Transfer-Encoding: base64',
    '',
    base64Block(740_000),
    '--inner--',
  ].join(CRLF);
  return forward(originalMessage(body, 'fwd1m'), 'fwd1m');
}
