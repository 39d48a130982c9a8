import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { createOutboxNotifier } from '../../../shared/adapters/outbox/outbox-notifier.ts';
import type { TenantNotice } from '../../../shared/core/score/ports.ts';

const notice: TenantNotice = {
  key: 'tenant-a:v2:warned',
  tenantId: 'tenant-a',
  to: 'admin@tenant-a.example',
  subject: 'Warning: abuse reports about tenant tenant-a',
  text: 'Score 11.00 (threshold 10.00).\nWhy: …\n',
};

describe('outbox notifier', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  it('writes the notice as a parseable .eml and a .json named for its key', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'outbox-'));
    dirs.push(dir);
    const clock = () => new Date('2026-11-20T12:00:00.000Z');
    await createOutboxNotifier({ dir, clock }).send(notice);
    expect((await readdir(dir)).sort()).toEqual(['tenant-a_v2_warned.eml', 'tenant-a_v2_warned.json']);
    const mail = await simpleParser(await readFile(join(dir, 'tenant-a_v2_warned.eml')));
    expect(mail.subject).toBe(notice.subject);
    expect(mail.text).toContain('Score 11.00');
    expect(mail.date?.toISOString()).toBe('2026-11-20T12:00:00.000Z');
    const json = JSON.parse(await readFile(join(dir, 'tenant-a_v2_warned.json'), 'utf8'));
    expect(json).toMatchObject({ ...notice, from: 'abuse-desk@localhost' });
  });

  it('keeps one file pair when the same notice is written twice', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'outbox-'));
    dirs.push(dir);
    const outbox = createOutboxNotifier({ dir });
    await outbox.send(notice);
    await outbox.send(notice);
    expect(await readdir(dir)).toHaveLength(2);
  });
});
