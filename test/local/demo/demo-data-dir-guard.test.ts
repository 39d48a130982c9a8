import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertDemoMayUse } from '../../../local/demo/demo-data-dir-guard.ts';
import { markDemoDataDir } from '../../../local/demo/demo-platform.ts';
import { createLocalServices, type LocalServices } from '../../../local/runtime/local-services.ts';
import { openDataDir } from '../../../local/runtime/open-local-stores.ts';
import { validateTenant } from '../../../shared/core/tenants/index.ts';
import { testConfig } from '../../e2e/local-harness.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'abuse-intake-demo-guard-'));
let services: LocalServices;
beforeAll(async () => {
  services = createLocalServices(await openDataDir(testConfig(dataDir), 'demo guard test'));
});
afterAll(async () => {
  await services.stores.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('assertDemoMayUse', () => {
  it('lets the demo fill an empty data directory (npm start -- --demo on a fresh clone)', async () => {
    await expect(assertDemoMayUse(services, dataDir)).resolves.toBeUndefined();
  });

  it('refuses a data directory holding the user’s tenants and suggests --data-dir ./demo-data', async () => {
    const now = new Date().toISOString();
    await services.directory.putTenant(
      validateTenant({ tenantId: 'mine', name: 'Mine', acceptedDomains: ['mine.example'] }, now),
    );
    await expect(assertDemoMayUse(services, dataDir)).rejects.toThrow(
      /already holds your data \(1 tenant\).*--data-dir \.\/demo-data/,
    );
  });

  it('lets the demo run again on a data directory it filled', async () => {
    markDemoDataDir(dataDir);
    await expect(assertDemoMayUse(services, dataDir)).resolves.toBeUndefined();
  });
});
