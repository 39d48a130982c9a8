import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { exportTenants, formatTenantList, importTenants } from '../../../../local/cli/commands/tenants.ts';
import { main } from '../../../../local/cli/main.ts';
import {
  createDynamoTenantDirectory,
  type TenantDirectoryStore,
} from '../../../../shared/adapters/dynamodb/tenant-directory-store.ts';
import { TenantValidationError } from '../../../../shared/core/tenants/index.ts';
import { createTestTables, type DynamoBackend, startDynalite } from '../../../support/dynamodb.ts';

const NOW = '2026-11-25T00:00:00.000Z';

const YAML_DOCUMENT = `
tenants:
  - tenantId: acme
    name: Acme Corp
    acceptedDomains:
      - domain: Acme.Example
        includeSubdomains: true
    dedicatedIps: [192.0.2.10, "2001:db8:1::/48"]
    adminContact: admin@acme.example
  - tenantId: globex
    name: Globex
    acceptedDomains: [{ domain: globex.example, includeSubdomains: false }]
    dedicatedIps: []
`;

describe('tenants command bodies on dynalite', () => {
  let backend: DynamoBackend;
  let store: TenantDirectoryStore;

  beforeAll(async () => {
    backend = await startDynalite();
  });
  afterAll(async () => {
    await backend?.stop();
  });

  async function freshStore(): Promise<TenantDirectoryStore> {
    const names = await createTestTables(backend.client);
    store = createDynamoTenantDirectory({ client: backend.client, tableName: names.tenants });
    return store;
  }

  it('imports a YAML document, normalising domains, and makes it searchable', async () => {
    await freshStore();
    expect(await importTenants(store, YAML_DOCUMENT, NOW)).toEqual({
      created: ['acme', 'globex'],
      updated: [],
    });
    expect((await store.findTenantByDomain('mail.acme.example'))?.tenant.tenantId).toBe('acme');
    expect((await store.findTenantsByIp('2001:db8:1:2::5')).map((t) => t.tenantId)).toEqual(['acme']);
  });

  it('round-trips an export through import as an update that changes nothing', async () => {
    await freshStore();
    await importTenants(store, YAML_DOCUMENT, NOW);
    const before = await store.listTenants();
    for (const format of ['json', 'yaml'] as const) {
      const exported = await exportTenants(store, format);
      expect(await importTenants(store, exported, NOW)).toEqual({ created: [], updated: ['acme', 'globex'] });
    }
    expect(await store.listTenants()).toEqual(before);
  });

  it('rejects a file whose domain clashes with a stored tenant and writes nothing from it', async () => {
    await freshStore();
    await importTenants(store, YAML_DOCUMENT, NOW);
    const clash = JSON.stringify([
      {
        tenantId: 'newco',
        name: 'New',
        acceptedDomains: [{ domain: 'newco.example', includeSubdomains: false }],
      },
      {
        tenantId: 'squatter',
        name: 'S',
        acceptedDomains: [{ domain: 'shop.acme.example', includeSubdomains: false }],
      },
    ]);
    await expect(importTenants(store, clash, NOW)).rejects.toBeInstanceOf(TenantValidationError);
    expect(await store.getTenant('newco')).toBeUndefined();
  });

  it('names the entry and field of an invalid tenant', async () => {
    await freshStore();
    const bad = JSON.stringify([
      { tenantId: 'ok', name: 'Ok', acceptedDomains: [] },
      { tenantId: 'x y', name: 'Bad' },
    ]);
    await expect(importTenants(store, bad, NOW)).rejects.toThrow(/^tenants\[1\]\.tenantId: /);
  });

  it('lists tenants as an aligned table, subdomain registrations marked with *.', async () => {
    await freshStore();
    await importTenants(store, YAML_DOCUMENT, NOW);
    const text = formatTenantList(await store.listTenants());
    expect(text.split('\n')[0]).toMatch(/^TENANT\s+NAME\s+DOMAINS\s+DEDICATED IPS$/);
    expect(text).toContain('*.acme.example');
    expect(text).toMatch(/globex\s+Globex\s+globex\.example\s+-/);
  });
});

describe('abuse-intake tenants on a data directory', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'abuse-intake-tenants-'));
  });
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function run(...argv: string[]): Promise<{ code: number; out: string }> {
    let out = '';
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      out += String(chunk);
      return true;
    });
    try {
      const code = await main([...argv, '--data-dir', dataDir]);
      return { code, out };
    } finally {
      spy.mockRestore();
      process.exitCode = undefined;
    }
  }

  it('imports, lists, shows and exports tenants through the CLI', async () => {
    const file = join(dataDir, 'tenants.yaml');
    writeFileSync(file, YAML_DOCUMENT);
    expect(await run('tenants', 'import', file)).toEqual({
      code: 0,
      out: 'imported 2 tenants (2 created, 0 updated)\n',
    });
    const listed = await run('tenants', 'list');
    expect(listed.out).toContain('acme');
    const shown = await run('tenants', 'show', 'acme');
    expect(shown.out).toContain('adminContact: admin@acme.example');
    const exported = await run('tenants', 'export', '--format', 'json');
    expect(JSON.parse(exported.out).tenants.map((t: { tenantId: string }) => t.tenantId)).toEqual([
      'acme',
      'globex',
    ]);
  });

  it('fails with a clear message for an unknown tenant', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const result = await run('tenants', 'show', 'nobody');
      expect(result.code).toBe(1);
      expect(String(stderr.mock.calls[0]?.[0])).toContain('no tenant "nobody"');
    } finally {
      stderr.mockRestore();
    }
  });
});
