import { describe, expect, it } from 'vitest';
import { synthApp } from '../synth-app.ts';

describe('PipelineStack platform configuration', () => {
  it('refuses at synth a configuration too large for the Lambda environment, naming the fix', () => {
    const key = { domain: 'platform.example', selector: 's1', publicKey: 'A'.repeat(1200) };
    expect(() =>
      synthApp({ signingKeys: [key, { ...key, selector: 's2' }, { ...key, selector: 's3' }] }),
    ).toThrow(/context "signingKeys": .* DNS p= values/);
  });
});
