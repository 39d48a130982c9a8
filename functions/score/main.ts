/**
 * The score Lambda's entry (handler `handler`): the only file that reads the environment and builds clients.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESClient } from '@aws-sdk/client-ses';
import { scoreReports } from '../../shared/core/score/score-reports.ts';
import { createAwsScoringDeps } from '../aws-scoring-deps.ts';
import { createJsonLog } from '../json-log.ts';
import { readScoreEnvironment } from './env.ts';
import { createScoreHandler } from './handler.ts';

const env = readScoreEnvironment(process.env);
const { scoring } = createAwsScoringDeps({
  dynamodb: new DynamoDBClient({}),
  ses: new SESClient({}),
  tables: env.tables,
  notificationsFrom: env.notificationsFrom,
});

/** The Lambda handler for the score queue's event source mapping. */
export const handler = createScoreHandler({
  getReport: (reportId) => scoring.records.getReport(reportId),
  scoreReports: async (reports, now) => {
    await scoreReports(reports, scoring, now);
  },
  now: () => new Date().toISOString(),
  log: createJsonLog({ function: 'score' }),
});
