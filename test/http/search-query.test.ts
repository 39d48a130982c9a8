import { describe, expect, it } from 'vitest';
import { classifySearch, ipHasPrefix } from '../../shared/http/search-query.ts';

describe('classifySearch', () => {
  it('reads angle brackets as a Message-ID', () => {
    expect(classifySearch(' <abc@mail.example> ')).toEqual({
      kind: 'message-id',
      filters: { messageId: 'abc@mail.example' },
    });
  });

  it('recognises IPv4 and IPv6 addresses, bracketed or not', () => {
    expect(classifySearch('192.0.2.1').filters).toEqual({ sourceIp: '192.0.2.1' });
    expect(classifySearch('[2001:DB8::1]').filters).toEqual({ sourceIp: '2001:db8::1' });
  });

  it('reads leading IPv4 octets as a partial IP address, not a sender domain', () => {
    for (const q of ['203.0.113', '203.0.113.', '10.', '10.1'])
      expect(classifySearch(q)).toEqual({ kind: 'ip-prefix', filters: {} });
    expect(classifySearch('203.0.113.7').kind).toBe('ip');
    expect(ipHasPrefix('203.0.113.77', '203.0.113')).toBe(true);
    expect(ipHasPrefix('10.12.0.1', '10.1')).toBe(false);
  });

  it('lower-cases addresses and domains', () => {
    expect(classifySearch('Bob@Example.COM')).toEqual({
      kind: 'address',
      filters: { senderAddress: 'bob@example.com' },
    });
    expect(classifySearch('Mail.Example.COM.')).toEqual({
      kind: 'domain',
      filters: { senderDomain: 'mail.example.com' },
    });
  });

  it('treats anything else as an id', () => {
    expect(classifySearch('acme').kind).toBe('id');
    expect(classifySearch('report-12-0').kind).toBe('id');
  });
});
