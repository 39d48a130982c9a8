/**
 * `abuse-intake attribute FILE [--tenants FILE]`: parses a report and explains, for each reported message, which
 * tenant sent it (or why none), signal by signal. With --tenants the directory comes from that file alone, so it
 * works without any data directory.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { attributeMessage, formatAttribution } from '../../../shared/core/attribute/index.ts';
import { parseSubmission } from '../../../shared/core/parse/index.ts';
import type { PlatformConfig } from '../../../shared/core/platform/platform-config.ts';
import type { TenantDirectory } from '../../../shared/core/ports.ts';
import {
  createInMemoryTenantDirectory,
  parseTenantDocument,
  validateTenant,
} from '../../../shared/core/tenants/index.ts';
import { loadLocalConfig } from '../../config/local-config.ts';
import { withDataDirOptions, withLocalServices } from '../with-local-services.ts';

/**
 * The explanation text for every reported message of one raw submission; `usable` is false when none.
 * `receivedAt` stands for the report's arrival (now, for a file on disk) in DKIM expiry checks.
 */
export async function explainAttribution(
  raw: Uint8Array,
  directory: TenantDirectory,
  platform: PlatformConfig,
  receivedAt: string = new Date().toISOString(),
): Promise<{ text: string; usable: boolean }> {
  const submission = parseSubmission(raw);
  const lines = [
    `submission: ${submission.kind}, reporter ${submission.reporter.domain ?? 'unknown'}, ` +
      `${submission.messages.length} reported message(s)`,
  ];
  if (submission.kind === 'unusable' || submission.messages.length === 0) {
    const reason = submission.unusableReason;
    lines.push(`unusable: ${reason ? `${reason.code}: ${reason.message}` : 'no reported message found'}`);
    return { text: `${lines.join('\n')}\n`, usable: false };
  }
  for (const message of submission.messages) {
    const attribution = await attributeMessage(message, { directory, platform, receivedAt });
    lines.push(
      '',
      `message ${message.index} (${message.source}, ${message.completeness}, ${message.confidence} confidence)` +
        (message.subject === undefined ? '' : `: ${message.subject}`),
      formatAttribution(attribution).trimEnd(),
    );
  }
  return { text: `${lines.join('\n')}\n`, usable: true };
}

/** An in-memory directory from a tenants file (validated like an import). */
export function directoryFromFile(file: string, now: string): TenantDirectory {
  const tenants = parseTenantDocument(readFileSync(file, 'utf8')).map((entry) => validateTenant(entry, now));
  return createInMemoryTenantDirectory(tenants);
}

interface AttributeOptions {
  readonly tenants?: string;
  readonly dataDir?: string;
  readonly config?: string;
}

/** Registers `attribute`. */
export function registerAttributeCommand(program: Command): void {
  withDataDirOptions(program.command('attribute'))
    .argument('<file>', 'a report (.eml: ARF, X-ARF or a forward)')
    .description('Explain which tenant sent each reported message, signal by signal')
    .option('--tenants <file>', 'use the tenants of this JSON/YAML file instead of the data directory')
    .action(async (file: string, options: AttributeOptions) => {
      const raw = readFileSync(file);
      let result: { text: string; usable: boolean };
      if (options.tenants !== undefined) {
        const config = loadLocalConfig({
          ...(options.config === undefined ? {} : { file: options.config }),
          env: process.env,
          ...(options.dataDir === undefined ? {} : { overrides: { dataDir: options.dataDir } }),
        });
        const directory = directoryFromFile(options.tenants, new Date().toISOString());
        result = await explainAttribution(raw, directory, config.platform);
      } else {
        result = await withLocalServices(options, ({ directory, stores }) =>
          explainAttribution(raw, directory, stores.config.platform),
        );
      }
      process.stdout.write(result.text);
      if (!result.usable) process.exitCode = 1;
    });
}
