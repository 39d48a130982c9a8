import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DNSResolver } from 'mailauth';
import type { PlatformConfig } from '../../shared/core/platform/platform-config.ts';
import { DEMO_KEYS } from './demo-keys.ts';

/** The demo's cast: the platform, its relays, one ISP feedback loop and a mail provider people report from. */
export const DEMO = {
  platformDomain: DEMO_KEYS.platform.domain,
  relayHost: 'out1.relay.demo-platform.test',
  /** TEST-NET-1 (RFC 5737). */
  relayIp: '192.0.2.5',
  relayRange: '192.0.2.0/28',
  feedDomain: 'fbl.demo-isp.test',
  recipientDomain: 'demo-isp.test',
  humanDomain: 'demo-mail.test',
} as const;

/** The configured platform plus what the demo needs: its signing key, relays and the feed it trusts. */
export function withDemoPlatform(base: PlatformConfig): PlatformConfig {
  return {
    ...base,
    signingKeys: [
      ...base.signingKeys,
      {
        domain: DEMO_KEYS.platform.domain,
        selector: DEMO_KEYS.platform.selector,
        publicKey: DEMO_KEYS.platform.publicKey,
      },
    ],
    relayHosts: [...base.relayHosts, `*.relay.demo-platform.test`],
    relayIps: [...base.relayIps, DEMO.relayRange],
    automatedFeeds: [...base.automatedFeeds, DEMO.feedDomain],
  };
}

/** TXT records the demo publishes: DKIM keys, SPF allowing loopback, DMARC, for both reporting domains. */
function demoTxtRecords(): Map<string, string> {
  const records = new Map<string, string>();
  for (const domain of [DEMO.feedDomain, DEMO.humanDomain]) {
    records.set(
      `${DEMO_KEYS.reporter.selector}._domainkey.${domain}`,
      `v=DKIM1; k=ed25519; p=${DEMO_KEYS.reporter.dnsPublicKey}`,
    );
    records.set(domain, 'v=spf1 ip4:127.0.0.1 ip6:::1 -all');
    records.set(`_dmarc.${domain}`, 'v=DMARC1; p=reject');
  }
  return records;
}

/**
 * DNS for the demo's reporters, so the SMTP listener authenticates them without the network (the `.test` names
 * exist nowhere else, RFC 2606). Everything else does not exist.
 */
export const demoResolver: DNSResolver = async (name, rrtype) => {
  const value =
    rrtype.toUpperCase() === 'TXT' ? demoTxtRecords().get(name.toLowerCase().replace(/\.$/, '')) : undefined;
  if (value === undefined)
    throw Object.assign(new Error(`${name} ${rrtype}: not found`), { code: 'ENOTFOUND' });
  return [[value]];
};

/** Marks a data directory as holding demo data, so every command on it uses the demo platform (same keys). */
export const DEMO_MARKER_FILE = 'demo.json';

/** Records that `dataDir` holds demo data. */
export function markDemoDataDir(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(
    join(dataDir, DEMO_MARKER_FILE),
    `${JSON.stringify({ demo: true, platformDomain: DEMO.platformDomain })}\n`,
  );
}

/** Whether `dataDir` holds demo data (then reprocess, ingest and restarts verify with the demo's keys too). */
export function isDemoDataDir(dataDir: string): boolean {
  return existsSync(join(dataDir, DEMO_MARKER_FILE));
}
