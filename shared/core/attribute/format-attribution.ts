import type { Attribution } from '../model/index.ts';

/** The CLI explanation: the outcome, each signal with its verdict, which one decided, and the evidence. */
export function formatAttribution(attribution: Attribution): string {
  const lines: string[] = [];
  if (attribution.outcome === 'attributed') {
    lines.push(`attributed: tenant ${attribution.tenantId}, confidence ${attribution.confidence}`);
    lines.push(`  decided by: ${attribution.decidingSignal}`);
    lines.push(`  restrict-capable: ${attribution.restrictCapable ? 'yes' : 'no (forgeable evidence only)'}`);
    if (attribution.unregisteredDomainRelay) {
      lines.push(`  unregistered-domain relay: ${attribution.unregisteredDomains.join(', ')}`);
    }
  } else {
    lines.push(`unattributed: ${attribution.reason}`);
  }
  lines.push('signals:');
  if (attribution.signals.length === 0) lines.push('  (none found)');
  for (const signal of attribution.signals) {
    const decided =
      attribution.outcome === 'attributed' &&
      signal.kind === attribution.decidingSignal &&
      signal.tenantId === attribution.tenantId
        ? ' <- decided'
        : '';
    const tenant = signal.tenantId ? ` -> ${signal.tenantId}` : '';
    lines.push(`  [${signal.verdict}] ${signal.kind} ${signal.value}${tenant}${decided}`);
    lines.push(`      ${signal.detail}`);
  }
  const evidence = attribution.evidence;
  lines.push('evidence:');
  const facts: [string, string | undefined][] = [
    ['sender', evidence.senderAddress],
    ['from domain', evidence.fromDomain],
    ['envelope domain', evidence.envelopeDomain],
    ['dkim domains', evidence.dkimDomains.join(', ') || undefined],
    ['source ip', evidence.sourceIp],
    ['connector', evidence.connector],
  ];
  for (const [label, value] of facts) if (value) lines.push(`  ${label}: ${value}`);
  lines.push('why:', `  ${attribution.explanation}`);
  return lines.join('\n');
}
