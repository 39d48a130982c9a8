import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type ReceivedMail,
  type SmtpListener,
  startSmtpListener,
} from '../../../local/smtp/smtp-listener.ts';

/** dynalite ships a self-signed certificate for its own TLS tests; good enough for STARTTLS on loopback. */
const SSL = join(import.meta.dirname, '../../../node_modules/dynalite/ssl');
const listeners: SmtpListener[] = [];
afterEach(async () => {
  for (const listener of listeners.splice(0)) await listener.close();
});

async function listen(accept: (mail: ReceivedMail) => Promise<string>, tls = false): Promise<SmtpListener> {
  const listener = await startSmtpListener({
    host: '127.0.0.1',
    port: 0,
    maxMessageBytes: 64 * 1024,
    reportingAddresses: ['Junk@Platform.Example'],
    accept,
    authservId: 'mx.test',
    resolver: async (name) => {
      throw Object.assign(new Error(`${name}: not found`), { code: 'ENOTFOUND' });
    },
    ...(tls ? { tls: { keyFile: join(SSL, 'server-key.pem'), certFile: join(SSL, 'server-crt.pem') } } : {}),
  });
  listeners.push(listener);
  return listener;
}

async function send(port: number, options: { requireTLS?: boolean; to?: string } = {}) {
  const transport = createTransport({
    host: '127.0.0.1',
    port,
    secure: false,
    ...(options.requireTLS ? { requireTLS: true, tls: { rejectUnauthorized: false } } : { ignoreTLS: true }),
  });
  try {
    return await transport.sendMail({
      envelope: { from: 'reporter@isp.example', to: [options.to ?? 'junk@platform.example'] },
      raw: 'From: reporter@isp.example\r\nSubject: spam\r\n\r\nbody\r\n',
    });
  } finally {
    transport.close();
  }
}

describe('startSmtpListener', () => {
  it('binds a free port and hands over the mail with our trace fields on top, case-insensitive recipient', async () => {
    const received: ReceivedMail[] = [];
    const listener = await listen(async (mail) => {
      received.push(mail);
      return 'sub-1';
    });
    expect(listener.port).toBeGreaterThan(0);
    const info = await send(listener.port);
    expect(info.response).toMatch(/^250 .*Queued as sub-1/);
    const text = Buffer.from(received[0]?.raw ?? new Uint8Array()).toString();
    const [returnPath, authentication] = text.split('\r\n');
    expect(returnPath).toBe('Return-Path: <reporter@isp.example>');
    expect(authentication).toMatch(/^Authentication-Results: mx\.test;/);
    expect(text).toMatch(/Received: from .*\sby .* \(abuse-intake\) with ESMTP id /s);
    expect(text.endsWith('From: reporter@isp.example\r\nSubject: spam\r\n\r\nbody\r\n')).toBe(true);
  });

  it('answers 451 when the mail cannot be stored, so the sender retries', async () => {
    const listener = await listen(async () => {
      throw new Error('disk full');
    });
    await expect(send(listener.port)).rejects.toMatchObject({ responseCode: 451 });
  });

  it('offers STARTTLS when a certificate is configured and records ESMTPS', async () => {
    let raw = '';
    const listener = await listen(async (mail) => {
      raw = Buffer.from(mail.raw).toString();
      return 'sub-tls';
    }, true);
    const info = await send(listener.port, { requireTLS: true });
    expect(info.response).toMatch(/^250 /);
    expect(raw).toMatch(/with ESMTPS id/);
  });

  it('says which flag to use when the port is taken, once (no raw EADDRINUSE line besides)', async () => {
    const first = await listen(async () => 'x');
    const logged: string[] = [];
    await expect(
      startSmtpListener({
        host: '127.0.0.1',
        port: first.port,
        maxMessageBytes: 1024,
        reportingAddresses: ['junk@platform.example'],
        accept: async () => 'y',
        onError: (line) => logged.push(line),
      }),
    ).rejects.toThrow(/in use: stop the other server, or pass --smtp-port/);
    expect(logged).toEqual([]);
  });
});
