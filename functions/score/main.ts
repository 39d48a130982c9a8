/**
 * The score Lambda's entry (handler `handler`): the only file that reads the environment and builds clients.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDynamoRecordStore } from '../../shared/adapters/dynamodb/record-store.ts';
import { createJsonLog } from '../json-log.ts';
import { readScoreEnvironment } from './env.ts';
import { createScoreHandler } from './handler.ts';
import { createScoringDeps } from './scoring-deps.ts';

const env = readScoreEnvironment(process.env);
const dynamodb = new DynamoDBClient({});
const records = createDynamoRecordStore({ client: dynamodb, tableName: env.tables.reports });
const scoring = createScoringDeps({ dynamodb, env, records });

/** The Lambda handler for the score queue's event source mapping. */
export const handler = createScoreHandler({
  getReport: (reportId) => records.getReport(reportId),
  scoreReports: scoring.scoreReports,
  now: () => new Date().toISOString(),
  log: createJsonLog({ function: 'score' }),
});
