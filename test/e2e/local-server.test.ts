import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../local/cli/main.ts';
import { checkSending } from '../../shared/core/score/index.ts';
import {
  apiGet,
  globexComplaint,
  queuedId,
  sendMail,
  startTestServer,
  type TestServer,
} from './local-harness.ts';

describe('local server end to end', () => {
  let test: TestServer;
  beforeAll(async () => {
    test = await startTestServer();
  });
  afterAll(async () => {
    await test?.dispose();
  });

  it('records an ARF report sent over SMTP, moves the score and answers the enforcement route', async () => {
    const before = await apiGet(test, '/v1/tenants/globex/sending-status?fromDomain=globex-news.test', false);
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ tenantId: 'globex', allowed: true, state: 'active' });

    const replies: string[] = [];
    for (let i = 0; i < 14; i++) replies.push(await sendMail(test.server.smtp.port, globexComplaint().raw));
    expect(replies.every((reply) => reply.startsWith('250'))).toBe(true);
    await test.server.idle();

    const submissionId = queuedId(replies[0] ?? '');
    const submission = await test.server.services.records.getSubmission(submissionId);
    expect(submission).toMatchObject({ kind: 'arf', status: 'processed', reporterTrust: 'automated-feed' });
    const report = await apiGet(test, `/v1/reports/${submission?.reportIds[0]}`);
    expect(report.status).toBe(200);
    expect(JSON.stringify(report.body)).toContain('globex');

    const listed = await apiGet(test, '/v1/reports?tenant=globex&limit=50');
    expect((listed.body['items'] as unknown[]).length).toBe(14);

    const after = await apiGet(test, '/v1/tenants/globex/sending-status?fromDomain=globex-news.test', false);
    expect(after.body).toMatchObject({
      allowed: false,
      state: 'restricted',
      smtpReply: '550 5.7.705 Access denied, tenant has exceeded threshold',
    });
  });

  it('reports queue depth and dead letters on /health without a token', async () => {
    const health = await apiGet(test, '/health', false);
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok', queueDepth: 0, deadLetters: 0 });
  });

  it('refuses the analyst API without a token', async () => {
    expect((await apiGet(test, '/v1/reports', false)).status).toBe(401);
  });

  it('refuses recipients other than the reporting addresses with 550 5.1.1', async () => {
    const reply = await sendMail(test.server.smtp.port, globexComplaint().raw, {
      to: 'postmaster@abuse-intake.test',
    });
    expect(reply).toMatch(/^550 5\.1\.1 /);
  });

  it('stores garbage bytes and an empty message as unusable submissions with a reason', async () => {
    const garbage = Buffer.from([0x00, 0xff, 0xfe, 0x1b, 0x5b, 0x32, 0x4a, 0x0d, 0x0a, 0x80, 0x81]);
    const replies = [
      await sendMail(test.server.smtp.port, garbage),
      await sendMail(test.server.smtp.port, ''),
    ];
    expect(replies.map((reply) => reply.slice(0, 3))).toEqual(['250', '250']);
    await test.server.idle();
    for (const reply of replies) {
      const submission = await test.server.services.records.getSubmission(queuedId(reply));
      expect(submission?.status).toBe('unusable');
      expect(submission?.reason?.code).toMatch(/\S/);
    }
  });

  it('ingests files over SMTP into the running server with `ingest --smtp`', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'abuse-intake-ingest-smtp-'));
    try {
      writeFileSync(join(dir, 'one.eml'), globexComplaint().raw);
      writeFileSync(join(dir, 'two.eml'), globexComplaint().raw);
      const output: string[] = [];
      const write = process.stdout.write.bind(process.stdout);
      const writeErr = process.stderr.write.bind(process.stderr);
      process.stdout.write = ((chunk: string) =>
        output.push(String(chunk)) > 0) as typeof process.stdout.write;
      process.stderr.write = (() => true) as typeof process.stderr.write;
      let code: number;
      try {
        code = await main(['ingest', dir, '--smtp', `127.0.0.1:${test.server.smtp.port}`, '--json']);
      } finally {
        process.stdout.write = write;
        process.stderr.write = writeErr;
      }
      expect(code).toBe(0);
      expect(JSON.parse(output.join(''))).toMatchObject({ via: 'smtp', total: 2, queued: 2, failed: [] });
      await test.server.idle();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps serving after bad input', async () => {
    const reply = await sendMail(test.server.smtp.port, globexComplaint().raw);
    expect(reply).toMatch(/^250 /);
    await test.server.idle();
    const decision = await checkSending(
      'acme',
      'acme-retail.test',
      test.server.services.scoring,
      new Date().toISOString(),
    );
    expect(decision.allowed).toBe(true);
  });
});

describe('local server size limit', () => {
  let test: TestServer;
  beforeAll(async () => {
    test = await startTestServer((config) => ({
      ...config,
      smtp: { ...config.smtp, maxMessageBytes: 4096 },
    }));
  });
  afterAll(async () => {
    await test?.dispose();
  });

  it('refuses a message over the size limit with 552 5.3.4 and stores nothing', async () => {
    const reply = await sendMail(test.server.smtp.port, `Subject: big\r\n\r\n${'x'.repeat(10_000)}\r\n`);
    expect(reply).toMatch(/^552 5\.3\.4 /);
    expect(test.server.queue.depth()).toEqual({ ready: 0, inflight: 0, dead: 0 });
  });
});
