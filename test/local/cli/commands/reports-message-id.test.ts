import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportFiltersOf } from '../../../../local/cli/commands/reports.ts';
import { createProgram } from '../../../../local/cli/main.ts';
import { ingestDirect } from '../../../../local/ingest/ingest-direct.ts';
import { createLocalServices } from '../../../../local/runtime/local-services.ts';
import { openLocalStores } from '../../../../local/runtime/open-local-stores.ts';
import { demoDataDir, globexComplaint } from '../../../e2e/local-harness.ts';
import { runCli } from '../run-cli.ts';

const dataDir = demoDataDir();
let messageId = '';
let reportId = '';

beforeAll(async () => {
  const stores = await openLocalStores({ dataDir, env: {} });
  try {
    const services = createLocalServices(stores);
    const mails = [globexComplaint(), globexComplaint()];
    const summary = await ingestDirect(
      mails.map((mail, i) => ({ label: `m${i}`, read: async () => Buffer.from(mail.raw) })),
      services,
    );
    expect(summary.accepted).toBe(2);
    const [submission] = (await services.records.listSubmissions({ limit: 1 })).items;
    const report = await services.records.getReport(submission?.reportIds[0] ?? '');
    messageId = report?.messageId ?? '';
    reportId = report?.reportId ?? '';
  } finally {
    await stores.close();
  }
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('reports list --message-id', () => {
  it('reads the Message-ID as the API does: angle brackets optional, any case', () => {
    expect(reportFiltersOf({ messageId: '<Abc@Mail.Example>' }).filters.messageId).toBe('abc@mail.example');
    expect(reportFiltersOf({}).filters.messageId).toBeUndefined();
  });

  it('is listed in the help of reports list', () => {
    const reports = createProgram().commands.find((command) => command.name() === 'reports');
    const list = reports?.commands.find((command) => command.name() === 'list');
    expect(list?.helpInformation()).toMatch(/--message-id <id>/);
  });

  it('lists only the report of that Message-ID, typed with brackets and in upper case', async () => {
    expect(messageId).toMatch(/^<.+>$/);
    const { code, stdout } = await runCli([
      'reports',
      'list',
      '--data-dir',
      dataDir,
      '--message-id',
      messageId.toUpperCase(),
      '--json',
    ]);
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as { reportId: string; messageId: string }[];
    expect(rows.map((row) => row.reportId)).toEqual([reportId]);
    expect(rows[0]?.messageId).toBe(messageId);
  });
});
