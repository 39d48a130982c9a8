import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../local/cli/main.ts';
import { recordQueuedJob } from '../../local/pipeline/run-pipeline.ts';
import { waitFor } from '../support/wait-for.ts';
import {
  apiGet,
  globexComplaint,
  queuedId,
  sendMail,
  startTestServer,
  type TestServer,
} from './local-harness.ts';

/** A subject only the poison message carries. */
const POISON = 'POISON-PILL';

describe('dead letters', () => {
  let test: TestServer;
  let poisoned = true;
  let poisonAttempts = 0;
  let poison = '';
  beforeAll(async () => {
    test = await startTestServer(
      (config) => ({ ...config, queue: { ...config.queue, maxAttempts: 3, retryBaseMs: 10 } }),
      {
        // A worker bug that throws on one particular mail, until it is "fixed".
        runJob: async (job, services) => {
          const raw = Buffer.from((await services.rawMail.get(job.submissionId)) ?? new Uint8Array());
          if (poisoned && raw.includes(POISON)) {
            poisonAttempts++;
            throw new TypeError('worker bug: cannot read properties of undefined');
          }
          return recordQueuedJob(job, services.pipeline);
        },
      },
    );
  });
  afterAll(async () => {
    await test?.dispose();
  });

  it('moves a message that makes the worker throw to the dead letters after maxAttempts', async () => {
    poison = queuedId(await sendMail(test.server.smtp.port, globexComplaint(POISON).raw));
    const healthy = queuedId(await sendMail(test.server.smtp.port, globexComplaint().raw));
    await test.server.idle();
    expect(poisonAttempts).toBe(3);
    expect(await test.server.services.records.getSubmission(healthy)).toBeDefined();
    expect(await test.server.services.records.getSubmission(poison)).toBeUndefined();
    const dead = await test.server.queue.listDead();
    expect(dead.map((entry) => [entry.id, entry.attempts])).toEqual([[poison, 3]]);
    expect(dead[0]?.lastError).toContain('worker bug');
    const health = await apiGet(test, '/health', false);
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ status: 'degraded', deadLetters: 1 });
    expect(String(health.body['lastError'])).toContain('worker bug');
  });

  it('brings the message back with `dlq replay` once the bug is fixed', async () => {
    poisoned = false;
    const output: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => output.push(String(chunk)) > 0) as typeof process.stdout.write;
    let code: number;
    try {
      code = await main(['dlq', 'replay', '--data-dir', test.dataDir]);
    } finally {
      process.stdout.write = write;
    }
    expect(code).toBe(0);
    expect(output.join('')).toContain('replayed 1 dead letter');
    // The server notices the replayed entry on its next poll (about a second).
    await waitFor(
      async () => {
        const depth = test.server.queue.depth();
        return depth.dead === 0 && depth.ready === 0 ? true : undefined;
      },
      { what: 'the server picking up the replayed dead letter' },
    );
    await test.server.idle();
    expect(await test.server.services.records.getSubmission(poison)).toMatchObject({
      kind: 'arf',
      status: 'processed',
    });
    const health = await apiGet(test, '/health', false);
    expect(health.body).toMatchObject({ status: 'ok', deadLetters: 0, queueDepth: 0 });
    const submissions = await test.server.services.records.listSubmissions({ limit: 10 });
    expect(submissions.items).toHaveLength(2);
  });
});
