/**
 * The score Lambda's entry (handler `handler`): the only file that reads the environment and builds clients.
 */

import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESClient } from '@aws-sdk/client-ses';
import type { ScheduledEvent, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { reevaluateTenants } from '../../shared/core/score/index.ts';
import { scoreReports } from '../../shared/core/score/score-reports.ts';
import { createAwsScoringDeps } from '../aws-scoring-deps.ts';
import { createJsonLog } from '../json-log.ts';
import { readScoreEnvironment } from './env.ts';
import { createScoreHandler } from './handler.ts';
import { createStandingReviewHandler, isScheduledEvent } from './standing-review.ts';

const env = readScoreEnvironment(process.env);
const { scoring } = createAwsScoringDeps({
  dynamodb: new DynamoDBClient({}),
  ses: new SESClient({}),
  tables: env.tables,
  notificationsFrom: env.notificationsFrom,
});

const log = createJsonLog({ function: 'score' });
const now = () => new Date().toISOString();

const scoreBatch = createScoreHandler({
  getReport: (reportId) => scoring.records.getReport(reportId),
  scoreReports: async (reports, at) => {
    await scoreReports(reports, scoring, at);
  },
  now,
  log,
});
const review = createStandingReviewHandler({ reevaluate: (at) => reevaluateTenants(scoring, at), now, log });

/** The Lambda handler: batches from the score queue, and the EventBridge schedule of the standing review. */
export const handler = async (event: SQSEvent | ScheduledEvent): Promise<SQSBatchResponse | undefined> => {
  if (isScheduledEvent(event)) {
    await review(event);
    return undefined;
  }
  return scoreBatch(event);
};
