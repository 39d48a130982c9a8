import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Adapter and end-to-end suites start real servers (dynalite, DynamoDB Local, SMTP, Chromium).
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // expect.poll gives up after 1 s by default: a timed assertion, and Chromium on a loaded 2-core machine can take
    // longer than that to render a page the dashboard tests poll. The test timeout still bounds every poll.
    expect: { poll: { timeout: 30_000 } },
    pool: 'forks',
    reporters: ['default'],
    // Node 20 is supported (package.json engines); the SDK's notice about its 2027 releases is noise in test logs.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
