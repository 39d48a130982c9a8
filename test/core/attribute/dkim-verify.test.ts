import { createPublicKey, type KeyObject } from 'node:crypto';
import { dkimSign } from 'mailauth/lib/dkim/sign.js';
import { dkimVerify } from 'mailauth/lib/dkim/verify.js';
import { describe, expect, it } from 'vitest';
import { DKIM_EXPIRY_SKEW_SECONDS, verifyDkimSignature } from '../../../shared/core/attribute/index.ts';
import {
  authoredMessage,
  TEST_KEYS,
  TEST_PLATFORM_DOMAIN,
  TEST_RSA_SELECTOR,
  toReportedMessage,
} from '../../support/mail-builder.ts';

const platformKey = createPublicKey(TEST_KEYS.platformRsa);
const edKey = createPublicKey(TEST_KEYS.platformEd25519);
const lookup = (key: KeyObject) => async () => key;

async function verifyFirst(raw: string, key: KeyObject, headersOnly = false) {
  const message = toReportedMessage(raw, { headersOnly });
  return verifyDkimSignature(message, message.dkimSignatures[0]!, lookup(key));
}

describe('verifyDkimSignature', () => {
  it.each(['relaxed/relaxed', 'simple/simple', 'relaxed/simple', 'simple/relaxed'] as const)(
    'verifies an RSA signature with %s canonicalization',
    async (canonicalization) => {
      const mail = authoredMessage();
      mail.body = 'Line with trailing space   \r\n\tand\ttabs\r\n\r\n\r\n';
      mail.sign({ canonicalization });
      expect((await verifyFirst(mail.toString(), platformKey)).result).toBe('pass');
    },
  );

  it('verifies an Ed25519 signature (RFC 8463)', async () => {
    const mail = authoredMessage().sign({ privateKey: TEST_KEYS.platformEd25519 });
    expect((await verifyFirst(mail.toString(), edKey)).result).toBe('pass');
  });

  it('fails a signature made with another key', async () => {
    const mail = authoredMessage().sign({ privateKey: TEST_KEYS.stranger });
    expect((await verifyFirst(mail.toString(), platformKey)).result).toBe('fail');
  });

  it('fails when the body is altered after signing', async () => {
    const mail = authoredMessage().sign();
    mail.body = 'Buy now!\r\n';
    const check = await verifyFirst(mail.toString(), platformKey);
    expect(check.result).toBe('fail');
    expect(check.reason).toMatch(/body hash/);
  });

  it('checks only the header hash of a headers-only original', async () => {
    const mail = authoredMessage().sign();
    mail.body = 'Buy now!\r\n';
    expect((await verifyFirst(mail.toString(), platformKey, true)).result).toBe('header-pass');
  });

  it('fails when a signed header is edited', async () => {
    const mail = authoredMessage().sign();
    mail.fields[3] = ['Subject', 'Edited'];
    expect((await verifyFirst(mail.toString(), platformKey)).result).toBe('fail');
  });

  it('ignores fields added above the signature unless the signature oversigned them', async () => {
    const plain = authoredMessage().sign().prepend('Subject', 'Injected');
    expect((await verifyFirst(plain.toString(), platformKey)).result).toBe('pass');
    const oversigned = authoredMessage()
      .sign({ headers: ['from', 'subject', 'subject'] })
      .prepend('Subject', 'Injected');
    expect((await verifyFirst(oversigned.toString(), platformKey)).result).toBe('fail');
  });

  it('reports a missing key instead of guessing', async () => {
    const message = toReportedMessage(authoredMessage().sign().toString());
    const check = await verifyDkimSignature(message, message.dkimSignatures[0]!, async () => undefined);
    expect(check.result).toBe('no-key');
  });

  it('rejects a signature that leaves From unsigned (RFC 6376 §5.4)', async () => {
    const noFrom = authoredMessage().sign({ headers: ['subject'] });
    expect((await verifyFirst(noFrom.toString(), platformKey)).result).toBe('invalid');
  });
});

describe('verifyDkimSignature identity', () => {
  it('rejects an i= outside the d= domain (RFC 6376 §3.5)', async () => {
    const mail = authoredMessage().sign();
    mail.fields[0] = ['DKIM-Signature', mail.fields[0]![1].replace('v=1;', 'v=1; i=@evil.example;')];
    expect((await verifyFirst(mail.toString(), platformKey)).result).toBe('invalid');
  });
});

describe('agreement with mailauth', () => {
  const resolver = async (name: string, type: string) => {
    if (type !== 'TXT' || name !== `${TEST_RSA_SELECTOR}._domainkey.${TEST_PLATFORM_DOMAIN}`) {
      throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
    }
    const p = platformKey.export({ type: 'spki', format: 'der' }).toString('base64');
    return [[`v=DKIM1; k=rsa; p=${p}`]];
  };

  it.each(['relaxed/relaxed', 'simple/simple'] as const)('accepts what mailauth signs (%s)', async (c) => {
    const raw = authoredMessage().toString();
    // The type declarations want top-level key fields; the signer reads them from signatureData.
    const key = {
      signingDomain: TEST_PLATFORM_DOMAIN,
      selector: TEST_RSA_SELECTOR,
      privateKey: TEST_KEYS.platformRsa.export({ type: 'pkcs8', format: 'pem' }).toString(),
      algorithm: 'rsa-sha256',
    };
    const signed = await dkimSign(raw, { ...key, canonicalization: c, signatureData: [key] });
    expect(signed.signatures).toContain(`c=${c}`);
    expect((await verifyFirst(signed.signatures + raw, platformKey)).result).toBe('pass');
  });

  it('is accepted by mailauth when the builder signs', async () => {
    const raw = authoredMessage()
      .sign({ headers: ['from', 'to', 'subject', 'subject'] })
      .toString();
    const result = await dkimVerify(raw, { resolver });
    expect(result.results[0]?.status.result).toBe('pass');
  });

  describe('signature expiration (RFC 6376 §3.5 x=)', () => {
    const signedAt = Date.parse('2026-11-24T09:00:00Z') / 1000;
    const expiresAt = signedAt + 3_600;
    const check = (options: { arrivedAt?: number }, expiration = expiresAt) => {
      const mail = authoredMessage().sign({ timestamp: signedAt, expiration });
      const message = toReportedMessage(mail.toString());
      return verifyDkimSignature(message, message.dkimSignatures[0]!, lookup(platformKey), options);
    };

    it('reads t= and x= from the signature', () => {
      const message = toReportedMessage(
        authoredMessage().sign({ timestamp: signedAt, expiration: expiresAt }).toString(),
      );
      expect(message.dkimSignatures[0]).toMatchObject({ t: signedAt, x: expiresAt });
    });

    it('accepts a message that arrived before the signature expired, or within the clock skew after', async () => {
      expect((await check({ arrivedAt: signedAt + 60 })).result).toBe('pass');
      expect((await check({ arrivedAt: expiresAt + DKIM_EXPIRY_SKEW_SECONDS })).result).toBe('pass');
    });

    it('refuses a signature that expired before the message arrived: a replay proves nothing', async () => {
      const result = await check({ arrivedAt: expiresAt + 2 * 86_400 });
      expect(result.result).toBe('invalid');
      expect(result.covered.size).toBe(0);
      expect(result.reason).toMatch(
        /expired at 2026-11-24T10:00:00\.000Z \(x=\), before the message arrived/,
      );
    });

    it('refuses x= that is not later than t=', async () => {
      const result = await check({ arrivedAt: signedAt }, signedAt);
      expect([result.result, result.reason]).toEqual([
        'invalid',
        'x= is not later than t= (RFC 6376 §3.5 x=)',
      ]);
    });

    it('leaves x= unchecked when the arrival time is unknown', async () => {
      expect((await check({}, signedAt + 1)).result).toBe('pass');
    });
  });
});
