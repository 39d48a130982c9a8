import { describe, expect, it } from 'vitest';
import {
  decodeEncodedWords,
  normalizeIp,
  parseAddress,
  parseAuthenticationResults,
  parseDkimSignature,
  parseHeaderBlock,
  parseMailDate,
  parseReceived,
} from '../../../shared/core/parse/index.ts';
import { parseMimeHeaderValue } from '../../../shared/core/parse/mime-parameters.ts';

describe('parseHeaderBlock', () => {
  it('unfolds values, keeps raw text and names as written', () => {
    const fields = parseHeaderBlock('Subject: a\r\n b\r\nX-Y :  z\nfrom: c@d');
    expect(fields).toEqual([
      { name: 'Subject', value: 'a b', raw: 'Subject: a\r\n b' },
      { name: 'X-Y', value: 'z', raw: 'X-Y :  z' },
      { name: 'from', value: 'c@d', raw: 'from: c@d' },
    ]);
  });
});

describe('parseAddress', () => {
  it.each([
    ['Jane <Jane@Example.COM>', { address: 'jane@example.com', domain: 'example.com', name: 'Jane' }],
    [
      '"Doe, Jane" <jane@example.com>',
      { address: 'jane@example.com', domain: 'example.com', name: 'Doe, Jane' },
    ],
    ['jane@example.com (Jane)', { address: 'jane@example.com', domain: 'example.com', name: 'Jane' }],
    ['<>', { address: '' }],
    ['=?utf-8?B?eHB0bw?= <x@example.com>', { address: 'x@example.com', domain: 'example.com', name: 'xpto' }],
    ['undisclosed: jane@example.com.;', { address: 'jane@example.com.', domain: 'example.com' }],
  ])('parses %s', (input, expected) => {
    expect(parseAddress(input)).toEqual(expected);
  });

  it('returns undefined when there is no address', () => {
    expect(parseAddress('just a name')).toBeUndefined();
  });
});

describe('parseReceived', () => {
  it("reads Exim's bracketed client with helo=", () => {
    expect(
      parseReceived(
        'from [198.51.100.7] (helo=smtpclient.apple) by mx.example with esmtp (Exim 4.92) id 1u; Mon, 07 Apr 2025 23:16:08 +0200',
        0,
      ),
    ).toMatchObject({
      from: '198.51.100.7',
      clientIp: '198.51.100.7',
      by: 'mx.example',
      with: 'esmtp',
      id: '1u',
      time: '2025-04-07T21:16:08.000Z',
    });
  });

  it("reads Exchange's bare IPv6 client and lower-cases it", () => {
    const hop = parseReceived(
      'from BN6PR.namprd.prod.outlook.com (2603:10B6:404:F0::24) by BN8.outlook.com (2603:10b6:408::1) with Microsoft SMTP Server id 15.20; Tue, 5 Mar 2024 10:00:00 +0000',
      2,
    );
    expect(hop).toMatchObject({ index: 2, clientIp: '2603:10b6:404:f0::24', by: 'BN8.outlook.com' });
  });

  it('maps an IPv4-mapped IPv6 client to IPv4', () => {
    expect(
      parseReceived('from x ([IPv6:::ffff:203.0.113.68]) by y; Mon, 7 Apr 2025 10:10:06 -0600', 0).clientIp,
    ).toBe('203.0.113.68');
  });

  it("reads qmail's unbracketed client IP after HELO", () => {
    expect(
      parseReceived(
        'from unknown (HELO mail.example) (192.0.2.9) by mx.example with SMTP; 5 Mar 2024 10:00:00 -0000',
        0,
      ),
    ).toMatchObject({
      clientIp: '192.0.2.9',
      from: 'unknown',
    });
  });
});

describe('parseDkimSignature', () => {
  it('reads tags, removes folding whitespace from h and bh, and lower-cases d and h', () => {
    const field = {
      name: 'DKIM-Signature',
      value: 'v=1; d=Example.COM.; s=s1; h=From :\r\n To; bh=ab\r\n cd=; l=100; t=x',
      raw: 'raw',
    };
    expect(parseDkimSignature(field, 4)).toEqual({
      headerIndex: 4,
      raw: 'raw',
      d: 'example.com',
      s: 's1',
      h: ['from', 'to'],
      bh: 'abcd=',
      l: 100,
    });
  });
});

describe('parseMailDate', () => {
  it.each([
    ['Tue, 05 Mar 2024 10:00:02 +0100', '2024-03-05T09:00:02.000Z'],
    ['Thu, 8 Mar 2005 17:00:00 EDT', '2005-03-08T21:00:00.000Z'],
    ['Mon,  7 Apr 2025 23:16:09 +0200 (CEST)', '2025-04-07T21:16:09.000Z'],
    ['5 Mar 2024 10:00:00', '2024-03-05T10:00:00.000Z'],
    ['2018-02-05T14:17:10Z', '2018-02-05T14:17:10.000Z'],
  ])('parses %s', (input, expected) => {
    expect(parseMailDate(input)).toBe(expected);
  });

  it('returns undefined for text that is no date', () => {
    expect(parseMailDate('This is not a date')).toBeUndefined();
  });
});

describe('normalizeIp', () => {
  it('normalises IPv6 to RFC 5952 lower case and rejects truncated IPv4', () => {
    expect(normalizeIp('[IPv6:2001:DB8:0:0:0:0:0:1]')).toBe('2001:db8::1');
    expect(normalizeIp('192.0.2.')).toBeUndefined();
    expect(normalizeIp(' 192.0.2.1 ')).toBe('192.0.2.1');
  });
});

describe('decodeEncodedWords', () => {
  it('joins adjacent words and decodes Q and B in their charsets', () => {
    expect(decodeEncodedWords('=?utf-8?Q?Gr=C3=BC?= =?utf-8?Q?=C3=9Fe?= aus =?iso-8859-1?B?QmVybGlu?=')).toBe(
      'Grüße aus Berlin',
    );
    expect(decodeEncodedWords('=?ISO-2022-JP?B?GyRCJUYlOSVIGyhC?=')).toBe('テスト');
  });
});

describe('parseMimeHeaderValue', () => {
  it('joins RFC 2231 continuations and decodes charset-tagged values', () => {
    const value = parseMimeHeaderValue('attachment; filename*0*=utf-8\'\'Gr%C3%BC; filename*1="sse.eml"');
    expect(value).toEqual({ value: 'attachment', params: { filename: 'Grüsse.eml' } });
  });

  it('accepts spaces around = as in "boundary = nextPart"', () => {
    expect(parseMimeHeaderValue('multipart/alternative; boundary = nextPart').params['boundary']).toBe(
      'nextPart',
    );
  });
});

describe('parseAuthenticationResults', () => {
  it('reads method results and the passing DKIM domains', () => {
    expect(
      parseAuthenticationResults(
        'mx.example; spf=softfail (x) smtp.mailfrom=a.example; dkim=pass header.i=@b.example; dmarc=fail',
      ),
    ).toEqual({
      spf: 'softfail',
      dkim: 'pass',
      dmarc: 'fail',
      dkimDomains: ['b.example'],
    });
  });
});
