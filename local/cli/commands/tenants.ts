/**
 * `abuse-intake tenants import FILE | export | list | show ID`: the tenant directory from the command line.
 * The bodies take a TenantDirectoryStore, so they run the same on the data directory and in tests.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { stringify as stringifyYaml } from 'yaml';
import type { TenantDirectoryStore } from '../../../shared/adapters/dynamodb/tenant-directory-store.ts';
import type { Tenant } from '../../../shared/core/model/index.ts';
import {
  parseTenantDocument,
  TenantValidationError,
  validateDirectory,
  validateTenant,
} from '../../../shared/core/tenants/index.ts';
import { type DataDirOptions, withDataDirOptions, withLocalServices } from '../with-local-services.ts';

/** What an import changed. */
export interface TenantImportResult {
  readonly created: readonly string[];
  readonly updated: readonly string[];
}

/**
 * Validates every tenant of a JSON or YAML document, then the directory they make together with the tenants
 * already stored (a domain or IP cannot belong to two tenants), and only then writes: a bad file changes nothing.
 */
export async function importTenants(
  store: TenantDirectoryStore,
  text: string,
  now: string,
): Promise<TenantImportResult> {
  const entries = parseTenantDocument(text);
  const stored = await store.listTenants();
  const storedById = new Map(stored.map((t) => [t.tenantId, t]));
  const imported = entries.map((entry, i) => {
    try {
      const id = (entry as { tenantId?: unknown } | null)?.tenantId;
      return validateTenant(entry, now, typeof id === 'string' ? storedById.get(id) : undefined);
    } catch (error) {
      if (error instanceof TenantValidationError) {
        const problem = error.message.slice(error.field.length + 2);
        throw new TenantValidationError(`tenants[${i}].${error.field}`, problem, { cause: error });
      }
      throw error;
    }
  });
  const importedIds = new Set(imported.map((t) => t.tenantId));
  validateDirectory([...imported, ...stored.filter((t) => !importedIds.has(t.tenantId))]);
  for (const tenant of imported) await store.putTenant(tenant);
  return {
    created: imported.filter((t) => !storedById.has(t.tenantId)).map((t) => t.tenantId),
    updated: imported.filter((t) => storedById.has(t.tenantId)).map((t) => t.tenantId),
  };
}

/** The whole directory as a document `tenants import` reads back. */
export async function exportTenants(store: TenantDirectoryStore, format: 'json' | 'yaml'): Promise<string> {
  const document = { tenants: await store.listTenants() };
  return format === 'yaml' ? stringifyYaml(document) : `${JSON.stringify(document, null, 2)}\n`;
}

/** One line per tenant: id, name, accepted domains (`*.` where subdomains count) and dedicated IPs. */
export function formatTenantList(tenants: readonly Tenant[]): string {
  if (tenants.length === 0) return 'no tenants; add some with `abuse-intake tenants import FILE`\n';
  const rows = tenants.map((t) => [
    t.tenantId,
    t.name,
    t.acceptedDomains.map((d) => (d.includeSubdomains ? `*.${d.domain}` : d.domain)).join(',') || '-',
    t.dedicatedIps.join(',') || '-',
  ]);
  const header = ['TENANT', 'NAME', 'DOMAINS', 'DEDICATED IPS'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return `${[line(header), ...rows.map(line)].join('\n')}\n`;
}

/** A tenant in full, as YAML. */
export function formatTenant(tenant: Tenant): string {
  return stringifyYaml(tenant);
}

/** Registers `tenants` and its subcommands. */
export function registerTenantsCommand(program: Command): void {
  const tenants = program.command('tenants').description('Manage the tenant directory');

  withDataDirOptions(
    tenants.command('import').argument('<file>', 'JSON or YAML: a list or { tenants: [...] }'),
  )
    .description('Validate and import tenants (creates new ones, updates existing ones)')
    .action(async (file: string, options: DataDirOptions) => {
      const text = readFileSync(file, 'utf8');
      const result = await withLocalServices(options, ({ directory }) =>
        importTenants(directory, text, new Date().toISOString()),
      );
      process.stdout.write(
        `imported ${result.created.length + result.updated.length} tenants ` +
          `(${result.created.length} created, ${result.updated.length} updated)\n`,
      );
    });

  withDataDirOptions(tenants.command('export'))
    .description('Print the whole directory as JSON or YAML (re-importable)')
    .option('--format <format>', 'json or yaml', 'json')
    .action(async (options: DataDirOptions & { format: string }) => {
      if (options.format !== 'json' && options.format !== 'yaml') {
        throw new Error(`--format must be json or yaml, not "${options.format}"`);
      }
      const format = options.format;
      process.stdout.write(
        await withLocalServices(options, ({ directory }) => exportTenants(directory, format)),
      );
    });

  withDataDirOptions(tenants.command('list'))
    .description('List tenants with their domains and dedicated IPs')
    .action(async (options: DataDirOptions) => {
      process.stdout.write(
        formatTenantList(await withLocalServices(options, ({ directory }) => directory.listTenants())),
      );
    });

  withDataDirOptions(tenants.command('show').argument('<id>', 'tenant id'))
    .description('Show one tenant in full')
    .action(async (id: string, options: DataDirOptions) => {
      const tenant = await withLocalServices(options, ({ directory }) => directory.getTenant(id));
      if (tenant === undefined) throw new Error(`no tenant "${id}"; see \`abuse-intake tenants list\``);
      process.stdout.write(formatTenant(tenant));
    });
}
