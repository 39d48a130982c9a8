import { normalizeDomain } from '../tenants/normalize-domain.ts';

/** Whether `host` is one of the platform's relay hosts; `*.suffix` matches any name strictly below suffix. */
export function isRelayHost(relayHosts: readonly string[], host: string | undefined): boolean {
  const name = host === undefined ? undefined : normalizeDomain(host);
  if (name === undefined) return false;
  return relayHosts.some((pattern) =>
    pattern.startsWith('*.') ? name.endsWith(pattern.slice(1)) : name === pattern,
  );
}
