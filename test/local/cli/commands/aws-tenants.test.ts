import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withAwsTenantDirectory } from '../../../../local/cli/commands/aws-tenants.ts';
import { createTestTables, type DynamoBackend, startDynalite } from '../../../support/dynamodb.ts';
import { runCli } from '../run-cli.ts';

let backend: DynamoBackend;
let table: string;
let dir: string;
const saved = { ...process.env };

beforeAll(async () => {
  backend = await startDynalite();
  table = (await createTestTables(backend.client)).tenants;
  dir = mkdtempSync(join(tmpdir(), 'aws-tenants-'));
  // The default credential chain needs some credentials; dynalite accepts any.
  process.env['AWS_ACCESS_KEY_ID'] = 'AKIDEXAMPLE';
  process.env['AWS_SECRET_ACCESS_KEY'] = 'example';
});

afterAll(async () => {
  process.env = saved;
  rmSync(dir, { recursive: true, force: true });
  await backend?.stop();
});

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const { code, stdout, stderr } = await runCli([
    ...argv,
    '--table',
    table,
    '--region',
    'eu-west-1',
    '--endpoint',
    backend.endpoint,
  ]);
  return { code, out: stdout, err: stderr };
}

describe('abuse-intake aws-tenants', () => {
  it('imports a tenant file into the given tenants table and lists it back', async () => {
    const file = join(dir, 'tenants.yaml');
    writeFileSync(
      file,
      'tenants:\n  - tenantId: acme\n    name: Acme\n    acceptedDomains: [acme.example]\n    dedicatedIps: [192.0.2.0/28]\n',
    );
    const imported = await run('aws-tenants', 'import', file);
    expect(imported).toMatchObject({
      code: 0,
      out: `imported 1 tenants into ${table} (1 created, 0 updated)\n`,
    });
    const stored = await withAwsTenantDirectory(
      { table, region: 'eu-west-1', endpoint: backend.endpoint },
      (directory) => directory.findTenantByDomain('acme.example'),
    );
    expect(stored?.tenant.tenantId).toBe('acme');
    expect((await run('aws-tenants', 'list')).out).toContain('acme');
  });

  it('writes nothing when one tenant of the file is invalid', async () => {
    const file = join(dir, 'bad.json');
    writeFileSync(
      file,
      JSON.stringify([
        { tenantId: 'beta', name: 'Beta', acceptedDomains: ['beta.example'] },
        { name: 'no id' },
      ]),
    );
    const result = await run('aws-tenants', 'import', file);
    expect(result.code).toBe(1);
    expect(result.err).toContain('tenants[1]');
    const beta = await withAwsTenantDirectory(
      { table, region: 'eu-west-1', endpoint: backend.endpoint },
      (d) => d.getTenant('beta'),
    );
    expect(beta).toBeUndefined();
  });
});
