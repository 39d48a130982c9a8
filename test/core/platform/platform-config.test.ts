import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PLATFORM_CONFIG,
  isRelayHost,
  PlatformConfigError,
  parsePlatformConfig,
  readPublicKey,
} from '../../../shared/core/platform/index.ts';

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ed = generateKeyPairSync('ed25519');
const rsaPem = rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString();
const rsaP = rsa.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
/** RFC 8463 §4.2: the DNS p= of an Ed25519 key is the raw 32-byte key, the tail of its SPKI form. */
const edP = ed.publicKey.export({ type: 'spki', format: 'der' }).subarray(-32).toString('base64');

function messageOf(input: unknown): string {
  try {
    parsePlatformConfig(input);
  } catch (error) {
    if (error instanceof PlatformConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a PlatformConfigError');
}

describe('parsePlatformConfig', () => {
  it('fills every field from the defaults', () => {
    expect(parsePlatformConfig({})).toEqual(DEFAULT_PLATFORM_CONFIG);
    expect(parsePlatformConfig(undefined).tenantHeader).toBe('X-Tenant-Id');
  });

  it('accepts PEM, DNS p= values and whole DKIM TXT records', () => {
    const config = parsePlatformConfig({
      signingKeys: [
        { domain: 'Platform.Example', selector: 'rsa1', publicKey: rsaPem },
        { domain: 'platform.example', selector: 'rsa2', publicKey: rsaP },
        { domain: 'platform.example', selector: 'ed1', publicKey: `v=DKIM1; k=ed25519; p=${edP}` },
      ],
      relayHosts: ['relay1.platform.example', '*.out.platform.example'],
      relayIps: ['203.0.113.0/28', '2001:db8:ffff::/48'],
      tenantHeader: 'X-MS-Exchange-CrossTenant-Id',
    });
    expect(config.signingKeys.map((key) => key.domain)).toEqual([
      'platform.example',
      'platform.example',
      'platform.example',
    ]);
    expect(config.relayHosts).toEqual(['relay1.platform.example', '*.out.platform.example']);
    expect(readPublicKey(config.signingKeys[2]!.publicKey)?.asymmetricKeyType).toBe('ed25519');
  });

  it.each([
    [
      { signingKeys: [{ domain: 'p.example', selector: 's', publicKey: 'bm90IGEga2V5' }] },
      'platform.signingKeys[0].publicKey: not a PEM or base64 RSA/Ed25519 key — paste the p= value of the DKIM DNS record',
    ],
    [
      { signingKeys: [{ domain: 'not a domain', selector: 's', publicKey: rsaP }] },
      'platform.signingKeys[0].domain:',
    ],
    [
      { signingKeys: [{ domain: 'p.example', selector: '', publicKey: rsaP }] },
      'platform.signingKeys[0].selector:',
    ],
    [{ relayIps: ['203.0.113.0/40'] }, 'platform.relayIps[0]:'],
    [{ relayHosts: ['relay one'] }, 'platform.relayHosts[0]:'],
    [{ tenantHeader: 'X Tenant' }, 'platform.tenantHeader:'],
    [{ reportingAddresses: ['junk'] }, 'platform.reportingAddresses[0]:'],
    [{ relayIp: [] }, 'platform.relayIp: unknown field'],
    [[], 'platform: expected an object'],
  ])('rejects %j with a message naming the field', (input, start) => {
    expect(messageOf(input).startsWith(start)).toBe(true);
  });
});

describe('isRelayHost', () => {
  it('matches exact names and wildcard suffixes on label boundaries', () => {
    const hosts = ['relay1.platform.example', '*.out.platform.example'];
    expect(isRelayHost(hosts, 'RELAY1.platform.example')).toBe(true);
    expect(isRelayHost(hosts, 'a.out.platform.example')).toBe(true);
    expect(isRelayHost(hosts, 'out.platform.example')).toBe(false);
    expect(isRelayHost(hosts, 'evilout.platform.example')).toBe(false);
    expect(isRelayHost(hosts, 'relay1.platform.example.evil.net')).toBe(false);
    expect(isRelayHost(hosts, undefined)).toBe(false);
  });
});
