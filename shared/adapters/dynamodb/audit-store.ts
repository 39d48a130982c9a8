import { type DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import type { AuditEntry } from '../../core/model/restriction.ts';
import type { AuditStore } from '../../core/score/ports.ts';
import { auditPartition, isConditionFailure } from './score-keys.ts';
import { queryScoreTablePage } from './score-table-page.ts';

/** Audit trails on the `scores` table: AUDIT#<tenant> / <at>#<entryId>, read newest first. Never expires. */
export function createDynamoAuditStore(options: { client: DynamoDBClient; tableName: string }): AuditStore {
  const { client, tableName } = options;
  return {
    async append(entry, entryId) {
      try {
        await client.send(
          new PutItemCommand({
            TableName: tableName,
            Item: {
              pk: { S: auditPartition(entry.tenantId) },
              sk: { S: `${entry.at}#${entryId}` },
              doc: { S: JSON.stringify(entry) },
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    },

    list(tenantId, page) {
      return queryScoreTablePage(
        options,
        { pk: auditPartition(tenantId), newestFirst: true, ...(page === undefined ? {} : { page }) },
        (item) => (item.doc?.S === undefined ? undefined : (JSON.parse(item.doc.S) as AuditEntry)),
      );
    },
  };
}
