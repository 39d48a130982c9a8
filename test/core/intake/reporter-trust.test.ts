import { describe, expect, it } from 'vitest';
import { classifyReporter, readAuthenticationResults } from '../../../shared/core/intake/reporter-trust.ts';
import {
  DEFAULT_PLATFORM_CONFIG,
  type PlatformConfig,
} from '../../../shared/core/platform/platform-config.ts';
import { sampleSubmission } from './sample-submission.ts';

const PLATFORM: PlatformConfig = {
  ...DEFAULT_PLATFORM_CONFIG,
  trustedAuthservIds: ['mx.platform.example', 'amazonses.com'],
  automatedFeeds: ['feedback.example.net'],
};

describe('readAuthenticationResults', () => {
  it('reads the authserv-id, version and comments aside, and each method with its properties', () => {
    const parsed = readAuthenticationResults(
      'MX.Platform.example 1; dkim=pass (good signature) header.d=Feedback.example.net header.s=s1; spf=fail smtp.mailfrom=x@y.example',
    );
    expect(parsed.authservId).toBe('mx.platform.example');
    expect(parsed.results).toEqual([
      {
        method: 'dkim',
        result: 'pass',
        properties: { 'header.d': 'feedback.example.net', 'header.s': 's1' },
      },
      { method: 'spf', result: 'fail', properties: { 'smtp.mailfrom': 'x@y.example' } },
    ]);
  });
});

describe('classifyReporter', () => {
  it('trusts a known feed as automated when our receiving side saw its aligned DKIM pass', () => {
    const submission = sampleSubmission('feedback.example.net', [
      'mx.platform.example; dkim=pass header.d=feedback.example.net',
    ]);
    expect(classifyReporter(submission, PLATFORM)).toBe('automated-feed');
  });

  it('trusts SES verdicts recorded under the amazonses.com authserv-id', () => {
    const submission = sampleSubmission('mail.feedback.example.net', [
      'amazonses.com; spf=pass (spfCheck: domain of x) smtp.mailfrom=bounce@mail.feedback.example.net; dmarc=pass header.from=mail.feedback.example.net',
    ]);
    expect(classifyReporter(submission, PLATFORM)).toBe('automated-feed');
  });

  it("reads SES's own layout, where the SPF-checked sender is an envelope-from clause", () => {
    const submission = sampleSubmission('feedback.example.net', [
      'amazonses.com; spf=pass (spfCheck: domain of feedback.example.net designates 192.0.2.1 as permitted sender) client-ip=192.0.2.1; envelope-from=fbl@feedback.example.net; helo=mx.feedback.example.net; dkim=fail header.i=@other.example; dmarc=none header.from=feedback.example.net;',
    ]);
    expect(classifyReporter(submission, PLATFORM)).toBe('automated-feed');
  });

  it('classes an authenticated reporter who is not a known feed as an authenticated human', () => {
    const submission = sampleSubmission('isp.example', [
      'mx.platform.example; dmarc=pass header.from=isp.example',
    ]);
    expect(classifyReporter(submission, PLATFORM)).toBe('authenticated-human');
  });

  it('does not trust verdicts written under a foreign authserv-id', () => {
    const submission = sampleSubmission('feedback.example.net', [
      'mx.attacker.example; dkim=pass header.d=feedback.example.net; dmarc=pass',
    ]);
    expect(classifyReporter(submission, PLATFORM)).toBe('unauthenticated');
  });

  it('does not trust a forged field with our authserv-id below the top-most one', () => {
    const submission = sampleSubmission('feedback.example.net', [
      'mx.platform.example; dkim=fail header.d=feedback.example.net; dmarc=fail',
      'mx.platform.example; dkim=pass header.d=feedback.example.net; dmarc=pass',
    ]);
    expect(classifyReporter(submission, PLATFORM)).toBe('unauthenticated');
  });

  it('does not count a DKIM pass of an unrelated domain for the reporter', () => {
    const submission = sampleSubmission('feedback.example.net', [
      'mx.platform.example; dkim=pass header.d=bulk-esp.example; spf=softfail smtp.mailfrom=feedback.example.net',
    ]);
    expect(classifyReporter(submission, PLATFORM)).toBe('unauthenticated');
  });

  it('leaves a look-alike of a feed domain outside the automated feeds', () => {
    const submission = sampleSubmission('feedback.example.net.evil.example', [
      'mx.platform.example; dkim=pass header.d=feedback.example.net.evil.example',
    ]);
    expect(classifyReporter(submission, PLATFORM)).toBe('authenticated-human');
  });

  it('classes a submission without Authentication-Results or reporter domain as unauthenticated', () => {
    expect(classifyReporter(sampleSubmission('feedback.example.net', []), PLATFORM)).toBe('unauthenticated');
    const anonymous = sampleSubmission('x.example', ['mx.platform.example; dmarc=pass'], { reporter: {} });
    expect(classifyReporter(anonymous, PLATFORM)).toBe('unauthenticated');
  });
});
