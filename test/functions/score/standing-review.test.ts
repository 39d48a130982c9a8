import type { ScheduledEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { createJsonLog } from '../../../functions/json-log.ts';
import { createStandingReviewHandler, isScheduledEvent } from '../../../functions/score/standing-review.ts';
import { reevaluateTenants } from '../../../shared/core/score/index.ts';
import { scoreReports } from '../../../shared/core/score/score-reports.ts';
import { createInMemoryScoringDeps } from '../../support/in-memory-scoring-stores.ts';
import { reportsFromDistinctReporters } from '../../support/report-records.ts';
import { collectLog, sqsEvent, sqsRecord } from '../sqs-events.ts';

const WARNED_AT = '2026-11-20T13:00:00.000Z';
const scheduled = (id: string): ScheduledEvent => ({
  version: '0',
  id,
  'detail-type': 'Scheduled Event',
  source: 'aws.events',
  account: '123456789012',
  time: '2026-11-23T13:00:00Z',
  region: 'eu-west-1',
  resources: [],
  detail: {},
});

describe('score function standing review', () => {
  it('tells the EventBridge schedule apart from score-queue batches', () => {
    expect(isScheduledEvent(scheduled('e-1'))).toBe(true);
    expect(isScheduledEvent(sqsEvent(sqsRecord('m-1', '{}')))).toBe(false);
    expect(isScheduledEvent(null)).toBe(false);
  });

  it('clears a decayed warning on its schedule and logs how many tenants changed', async () => {
    const scoring = createInMemoryScoringDeps();
    await scoreReports(reportsFromDistinctReporters(12, { receivedAt: WARNED_AT }), scoring, WARNED_AT);
    expect((await scoring.standings.getStanding('tenant-a'))?.state).toBe('warned');
    const log = collectLog();
    const review = createStandingReviewHandler({
      reevaluate: (now) => reevaluateTenants(scoring, now),
      now: () => '2026-11-23T13:00:00.000Z',
      log: createJsonLog({ function: 'score' }, log.write),
    });
    await review(scheduled('e-2'));
    expect((await scoring.standings.getStanding('tenant-a'))?.state).toBe('active');
    expect(log.lines.map((line) => JSON.parse(line))).toContainEqual(
      expect.objectContaining({ event: 'score.standing-review', eventId: 'e-2', changed: 1 }),
    );
  });
});
