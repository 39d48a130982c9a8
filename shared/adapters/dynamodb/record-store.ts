/**
 * Submissions and reports in the `reports` table (key design in tables.ts). Writes are plain puts of items
 * derived from the records, so writing the same records again yields the same items and never a duplicate.
 */
import { type DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import type { ReportRecord, SubmissionRecord, SubmissionStatus } from '../../core/model/index.ts';
import type { RecordStore, ReportIndex } from '../../core/ports.ts';
import { isMissingIndexError, MissingIndexError } from './add-missing-indexes.ts';
import { batchGetAll, batchWriteAll } from './batch-requests.ts';
import { type IndexPartition, queryNewestFirst } from './newest-first-query.ts';
import {
  messageIdKey,
  recordOf,
  reportItem,
  reportKey,
  shardedValues,
  submissionItem,
  submissionKey,
} from './record-items.ts';
import { REPORT_INDEXES, SUBMISSION_STATUS_INDEX } from './tables.ts';

/** The index partitions serving a ReportIndex (values normalised as record-items.ts writes them). */
function reportPartitions(index: ReportIndex): IndexPartition[] {
  if (index.by === 'received') {
    return shardedValues(index.day).map((value) => ({ index: REPORT_INDEXES.received, value }));
  }
  return [reportPartition(index)];
}

function reportPartition(index: Exclude<ReportIndex, { by: 'received' }>): IndexPartition {
  switch (index.by) {
    case 'tenant':
      return { index: REPORT_INDEXES.tenant, value: index.tenantId };
    case 'source-ip':
      return { index: REPORT_INDEXES['source-ip'], value: index.sourceIp.toLowerCase() };
    case 'sender-domain':
      return { index: REPORT_INDEXES['sender-domain'], value: index.senderDomain.toLowerCase() };
    case 'sender-address':
      return { index: REPORT_INDEXES['sender-address'], value: index.senderAddress.toLowerCase() };
    case 'reporter':
      return { index: REPORT_INDEXES.reporter, value: index.reporterDomain.toLowerCase() };
    case 'fingerprint':
      return { index: REPORT_INDEXES.fingerprint, value: index.fingerprint };
    case 'message-id':
      // An empty id matches no item: the index is sparse, so ask for a value no item carries.
      return { index: REPORT_INDEXES['message-id'], value: messageIdKey(index.messageId) ?? ' ' };
  }
}

const ALL_STATUSES: readonly SubmissionStatus[] = ['processed', 'unusable'];

/** Creates the DynamoDB record store on `tableName` (a table shaped as TABLE_SPECS.reports). */
export function createDynamoRecordStore(options: { client: DynamoDBClient; tableName: string }): RecordStore {
  const { client, tableName } = options;
  return {
    async putSubmission(record) {
      await client.send(new PutItemCommand({ TableName: tableName, Item: submissionItem(record) }));
    },

    async putSubmissions(records) {
      await batchWriteAll(
        client,
        tableName,
        records.map((record) => ({ PutRequest: { Item: submissionItem(record) } })),
      );
    },

    async getSubmissions(submissionIds) {
      const items = await batchGetAll(client, tableName, [...new Set(submissionIds)].map(submissionKey));
      return items.map((item) => recordOf<SubmissionRecord>(item));
    },

    async putReports(records) {
      const items = records.map(reportItem); // throws RecordTooLargeError before anything is written
      await batchWriteAll(
        client,
        tableName,
        items.map((Item) => ({ PutRequest: { Item } })),
      );
    },

    async deleteReports(reportIds) {
      await batchWriteAll(
        client,
        tableName,
        reportIds.map((id) => ({ DeleteRequest: { Key: reportKey(id) } })),
      );
    },

    async getSubmission(submissionId) {
      const { Item: item } = await client.send(
        new GetItemCommand({ TableName: tableName, Key: submissionKey(submissionId), ConsistentRead: true }),
      );
      return item === undefined ? undefined : recordOf<SubmissionRecord>(item);
    },

    async getReport(reportId) {
      const { Item: item } = await client.send(
        new GetItemCommand({ TableName: tableName, Key: reportKey(reportId), ConsistentRead: true }),
      );
      return item === undefined ? undefined : recordOf<ReportRecord>(item);
    },

    async queryReports(query) {
      try {
        const page = await queryNewestFirst(client, tableName, reportPartitions(query.index), query);
        return { items: page.items.map((item) => recordOf<ReportRecord>(item)), cursor: page.cursor };
      } catch (error) {
        if (!isMissingIndexError(error)) throw error;
        throw new MissingIndexError(`${tableName} lacks the index for ${query.index.by}`, { cause: error });
      }
    },

    async listSubmissions(query) {
      const statuses = query.status === undefined ? ALL_STATUSES : [query.status];
      const partitions = statuses.flatMap((status) =>
        shardedValues(status).map((value) => ({ index: SUBMISSION_STATUS_INDEX, value })),
      );
      const page = await queryNewestFirst(client, tableName, partitions, query);
      return { items: page.items.map((item) => recordOf<SubmissionRecord>(item)), cursor: page.cursor };
    },
  };
}
