/** Placeholder until engineer S's scoring core lands: binds scoreReports to the DynamoDB scoring stores. */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { ReportRecord } from '../../shared/core/model/index.ts';
import type { RecordStore } from '../../shared/core/ports.ts';
import type { ScoreEnvironment } from './env.ts';

/** The scoring functions the score Lambda calls. */
export interface BoundScoring {
  readonly scoreReports: (reports: readonly ReportRecord[], now: string) => Promise<void>;
}

/** Builds the scoring dependencies from the environment's tables. */
export function createScoringDeps(_options: {
  readonly dynamodb: DynamoDBClient;
  readonly env: ScoreEnvironment;
  readonly records: RecordStore;
}): BoundScoring {
  return {
    scoreReports: async () => {
      throw new Error('scoring is not wired yet');
    },
  };
}
