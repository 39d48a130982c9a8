import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { ScoringStores } from '../../core/score/ports.ts';
import { createDynamoAuditStore } from './audit-store.ts';
import { createDynamoScoreStore } from './score-store.ts';
import { createDynamoStandingStore } from './standing-store.ts';
import { createDynamoSuppressionStore } from './suppression-store.ts';

/** Every scoring store on one `scores` table (key layout in score-keys.ts); the client is injected. */
export function createDynamoScoringStores(options: {
  client: DynamoDBClient;
  tableName: string;
}): ScoringStores {
  return {
    scores: createDynamoScoreStore(options),
    standings: createDynamoStandingStore(options),
    audit: createDynamoAuditStore(options),
    suppressions: createDynamoSuppressionStore(options),
  };
}
