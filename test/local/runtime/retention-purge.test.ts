import { rmSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestDirect } from '../../../local/ingest/ingest-direct.ts';
import { createLocalServices } from '../../../local/runtime/local-services.ts';
import { openLocalStores } from '../../../local/runtime/open-local-stores.ts';
import { purgeExpired } from '../../../local/runtime/retention-purge.ts';
import { demoDataDir, globexComplaint } from '../../e2e/local-harness.ts';

const DAY_MS = 86_400_000;
const dataDir = demoDataDir();
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('purgeExpired', () => {
  it('keeps what retention allows and deletes records and raw mail past it', async () => {
    const stores = await openLocalStores({ dataDir, env: {} });
    try {
      const services = createLocalServices(stores);
      const mail = globexComplaint().raw;
      const summary = await ingestDirect([{ label: 'one', read: async () => Buffer.from(mail) }], services);
      expect(summary.accepted).toBe(1);
      const [submission] = (await services.records.listSubmissions({ limit: 5 })).items;
      const id = submission?.submissionId ?? '';
      const options = {
        client: stores.client,
        tables: stores.tables,
        rawMail: services.rawMail,
        retentionDays: 180,
      };

      const early = await purgeExpired({ ...options, now: Date.now() + 10 * DAY_MS });
      expect(early).toMatchObject({ rawMails: 0, items: { reports: 0 } });
      expect(await services.records.getSubmission(id)).toBeDefined();

      const old = new Date(Date.now() - 181 * DAY_MS);
      utimesSync(join(services.rawMail.dir, `${id}.eml`), old, old);
      const late = await purgeExpired({ ...options, now: Date.now() + 181 * DAY_MS });
      expect(late.rawMails).toBe(1);
      expect(late.items['reports']).toBeGreaterThan(0);
      expect(await services.records.getSubmission(id)).toBeUndefined();
      expect(await services.rawMail.get(id)).toBeUndefined();
    } finally {
      await stores.close();
    }
  });
});
