import {
  type AttributeValue,
  DeleteItemCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { isRestricted, type TenantStanding } from '../../core/restrictions/standing.ts';
import type { ScoreRank, StandingStore } from '../../core/score/ports.ts';
import { decodeCursor, encodeCursor, toStartKey } from './page-cursor.ts';
import {
  GSI_RESTRICTED,
  GSI_TOP,
  isConditionFailure,
  logScoreSortKey,
  RESTRICTED_PARTITION,
  TOP_SHARDS,
  tenantPartition,
  topPartition,
} from './score-keys.ts';

type Item = Record<string, AttributeValue>;

const STANDING_SK = 'STANDING';
const RANK_SK = 'RANK';
const DEFAULT_PAGE = 50;
const MAX_PAGE = 500;

/**
 * Standings, ranks and the notice ledger on the `scores` table. A standing is stored whole as JSON in `doc` with
 * its `version` beside it; every write is conditional on the version read, so concurrent workers serialise.
 */
export function createDynamoStandingStore(options: {
  client: DynamoDBClient;
  tableName: string;
}): StandingStore {
  const { client, tableName } = options;
  const key = (tenantId: string, sk: string): Item => ({
    pk: { S: tenantPartition(tenantId) },
    sk: { S: sk },
  });

  return {
    async getStanding(tenantId) {
      const { Item } = await client.send(
        new GetItemCommand({ TableName: tableName, Key: key(tenantId, STANDING_SK), ConsistentRead: true }),
      );
      return Item?.doc?.S === undefined ? undefined : (JSON.parse(Item.doc.S) as TenantStanding);
    },

    async putStanding(next, expectedVersion) {
      const restricted = isRestricted(next);
      const since = [next.restriction?.since, next.unregisteredRestriction?.since].filter(
        (value): value is string => value !== undefined,
      );
      const values: Item = {
        ':doc': { S: JSON.stringify(next) },
        ':version': { N: String(next.version) },
        ':state': { S: next.state },
        ':tenant': { S: next.tenantId },
        ':expected': { N: String(expectedVersion) },
      };
      if (restricted) {
        values[':rp'] = { S: RESTRICTED_PARTITION };
        values[':rs'] = { S: `${since.sort()[0] ?? next.since}#${next.tenantId}` };
      }
      try {
        await client.send(
          new UpdateItemCommand({
            TableName: tableName,
            Key: key(next.tenantId, STANDING_SK),
            UpdateExpression:
              'SET doc = :doc, version = :version, #state = :state, tenantId = :tenant' +
              (restricted ? ', gsi2pk = :rp, gsi2sk = :rs' : ' REMOVE gsi2pk, gsi2sk'),
            ConditionExpression:
              expectedVersion === 0 ? 'attribute_not_exists(version)' : 'version = :expected',
            ExpressionAttributeNames: { '#state': 'state' },
            ExpressionAttributeValues: expectedVersion === 0 ? withoutKey(values, ':expected') : values,
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },

    async raiseScoreRank(rank) {
      const sortKey = logScoreSortKey(rank.logScore);
      try {
        await client.send(
          new UpdateItemCommand({
            TableName: tableName,
            Key: key(rank.tenantId, RANK_SK),
            UpdateExpression:
              'SET gsi1pk = :top, gsi1sk = :sk, logScore = :log, halfLifeHours = :hl, tenantId = :tenant',
            ConditionExpression: 'attribute_not_exists(gsi1sk) OR gsi1sk < :sk',
            ExpressionAttributeValues: {
              ':top': { S: topPartition(rank.tenantId) },
              ':sk': { S: sortKey },
              ':log': { N: String(rank.logScore) },
              ':hl': { N: String(rank.halfLifeHours) },
              ':tenant': { S: rank.tenantId },
            },
          }),
        );
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    },

    async topRanks(limit) {
      const ranks: ScoreRank[] = [];
      for (let shard = 0; shard < TOP_SHARDS; shard++) {
        const page = await client.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: GSI_TOP,
            KeyConditionExpression: 'gsi1pk = :top',
            ExpressionAttributeValues: { ':top': { S: `TOP#${shard}` } },
            ScanIndexForward: false,
            Limit: limit,
          }),
        );
        for (const item of page.Items ?? []) {
          ranks.push({
            tenantId: item.tenantId?.S ?? '',
            logScore: Number(item.logScore?.N ?? Number.NEGATIVE_INFINITY),
            halfLifeHours: Number(item.halfLifeHours?.N ?? 0),
          });
        }
      }
      return ranks.sort((a, b) => b.logScore - a.logScore).slice(0, limit);
    },

    async listRestricted(page) {
      const limit = Math.min(page?.limit ?? DEFAULT_PAGE, MAX_PAGE);
      const start = page?.cursor === undefined ? undefined : decodeCursor(page.cursor).restricted;
      const result = await client.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: GSI_RESTRICTED,
          KeyConditionExpression: 'gsi2pk = :p',
          ExpressionAttributeValues: { ':p': { S: RESTRICTED_PARTITION } },
          Limit: limit,
          ...(start === undefined ? {} : { ExclusiveStartKey: toStartKey(start) }),
        }),
      );
      const items = (result.Items ?? []).flatMap((item) =>
        item.doc?.S === undefined ? [] : [JSON.parse(item.doc.S) as TenantStanding],
      );
      const last = result.LastEvaluatedKey;
      return {
        items,
        ...(last === undefined ? {} : { cursor: encodeCursor({ restricted: stringKey(last) }) }),
      };
    },

    async claimNotice(noticeKey, tenantId, at) {
      try {
        await client.send(
          new PutItemCommand({
            TableName: tableName,
            Item: { ...key(tenantId, `NOTICE#${noticeKey}`), claimedAt: { S: at } },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },

    async releaseNotice(noticeKey, tenantId) {
      await client.send(
        new DeleteItemCommand({ TableName: tableName, Key: key(tenantId, `NOTICE#${noticeKey}`) }),
      );
    },
  };
}

function withoutKey(values: Item, name: string): Item {
  const { [name]: _removed, ...rest } = values;
  return rest;
}

function stringKey(item: Item): Record<string, string> {
  return Object.fromEntries(
    Object.entries(item).flatMap(([name, value]) => (value.S === undefined ? [] : [[name, value.S]])),
  );
}
