/**
 * The tenant directory in the `tenants` table (key design in tables.ts): a profile item per tenant, one claim
 * item per accepted domain (conditional, so a domain cannot belong to two tenants) and bucketed IP items.
 */
import {
  type AttributeValue,
  ConditionalCheckFailedException,
  DeleteItemCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
} from '@aws-sdk/client-dynamodb';
import type { AcceptedDomain, Tenant } from '../../core/model/index.ts';
import type { TenantDirectory } from '../../core/ports.ts';
import { normalizeDomain } from '../../core/tenants/normalize-domain.ts';
import { batchGetAll, batchWriteAll } from './batch-requests.ts';
import { bucketOfIp, bucketRange, cidrContains, cidrsOverlap } from './ip-buckets.ts';
import { TENANT_LIST_INDEX } from './tables.ts';

/** A writable tenant directory. */
export interface TenantDirectoryStore extends TenantDirectory {
  putTenant(t: Tenant): Promise<void>;
  deleteTenant(id: string): Promise<void>;
  listTenants(): Promise<Tenant[]>;
}

/** A domain or IP range is already another tenant's; nothing of the rejected tenant was changed. */
export class TenantConflictError extends Error {
  override name = 'TenantConflictError';
}

type Item = Record<string, AttributeValue>;

const PROFILE_SK = 'PROFILE';
const DOMAIN_SK = 'DOMAIN';
/** Partition value of the byList index that holds every tenant. */
export const TENANT_LIST_PK = 'TENANTS';
/** A domain name has at most 127 labels (RFC 1035 §2.3.4, 255 octets). */
const MAX_DOMAIN_LABELS = 127;

const profileKey = (tenantId: string): Item => ({ pk: { S: `TENANT#${tenantId}` }, sk: { S: PROFILE_SK } });
const domainKey = (domain: string): Item => ({ pk: { S: `DOMAIN#${domain}` }, sk: { S: DOMAIN_SK } });
const ipKey = (bucket: string, cidr: string, tenantId: string): Item => ({
  pk: { S: bucket },
  sk: { S: `${cidr}#${tenantId}` },
});

/** Lower-case A-labels, no trailing dot: the form accepted domains are stored and looked up in. */
function normaliseDomain(domain: string): string {
  return normalizeDomain(domain) ?? domain.trim().toLowerCase().replace(/\.$/, '');
}

/** Creates the DynamoDB tenant directory on `tableName` (a table shaped as TABLE_SPECS.tenants). */
export function createDynamoTenantDirectory(options: {
  client: DynamoDBClient;
  tableName: string;
}): TenantDirectoryStore {
  const { client, tableName } = options;

  async function getTenant(tenantId: string): Promise<Tenant | undefined> {
    const { Item: item } = await client.send(
      new GetItemCommand({ TableName: tableName, Key: profileKey(tenantId), ConsistentRead: true }),
    );
    return item?.data?.S === undefined ? undefined : (JSON.parse(item.data.S) as Tenant);
  }

  async function getTenants(ids: readonly string[]): Promise<Tenant[]> {
    const items = await batchGetAll(client, tableName, [...new Set(ids)].map(profileKey));
    return items.flatMap((item) => (item.data?.S === undefined ? [] : [JSON.parse(item.data.S) as Tenant]));
  }

  async function queryAll(input: ConstructorParameters<typeof QueryCommand>[0]): Promise<Item[]> {
    const items: Item[] = [];
    let startKey: Item | undefined;
    do {
      const page = await client.send(new QueryCommand({ ...input, ExclusiveStartKey: startKey }));
      items.push(...(page.Items ?? []));
      startKey = page.LastEvaluatedKey;
    } while (startKey !== undefined);
    return items;
  }

  async function claimDomain(tenantId: string, accepted: AcceptedDomain): Promise<void> {
    await client.send(
      new PutItemCommand({
        TableName: tableName,
        Item: {
          ...domainKey(normaliseDomain(accepted.domain)),
          tenantId: { S: tenantId },
          includeSubdomains: { BOOL: accepted.includeSubdomains },
        },
        ConditionExpression: 'attribute_not_exists(pk) OR tenantId = :tenantId',
        ExpressionAttributeValues: { ':tenantId': { S: tenantId } },
      }),
    );
  }

  async function releaseDomain(tenantId: string, domain: string): Promise<void> {
    try {
      await client.send(
        new DeleteItemCommand({
          TableName: tableName,
          Key: domainKey(normaliseDomain(domain)),
          ConditionExpression: 'tenantId = :tenantId',
          ExpressionAttributeValues: { ':tenantId': { S: tenantId } },
        }),
      );
    } catch (error) {
      // Already released, or claimed since by another tenant: either way it is no longer ours to delete.
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  async function ipConflict(tenant: Tenant): Promise<string | undefined> {
    for (const range of tenant.dedicatedIps) {
      const { cidr, buckets } = bucketRange(range);
      for (const bucket of buckets) {
        const items = await queryAll({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': { S: bucket } },
          ConsistentRead: true,
        });
        const clash = items.find(
          (item) => item.tenantId?.S !== tenant.tenantId && cidrsOverlap(item.cidr?.S ?? '', cidr),
        );
        if (clash !== undefined) return `${range} overlaps ${clash.cidr?.S} of tenant ${clash.tenantId?.S}`;
      }
    }
    return undefined;
  }

  function ipItems(tenant: Tenant): Item[] {
    return tenant.dedicatedIps.flatMap((range) => {
      const { cidr, buckets } = bucketRange(range);
      return buckets.map((bucket) => ({
        ...ipKey(bucket, cidr, tenant.tenantId),
        tenantId: { S: tenant.tenantId },
        cidr: { S: cidr },
      }));
    });
  }

  async function removeClaims(previous: Tenant, next: Tenant | undefined): Promise<void> {
    const keptDomains = new Set(next?.acceptedDomains.map((d) => normaliseDomain(d.domain)) ?? []);
    for (const accepted of previous.acceptedDomains) {
      if (!keptDomains.has(normaliseDomain(accepted.domain)))
        await releaseDomain(previous.tenantId, accepted.domain);
    }
    const keptIps = new Set((next === undefined ? [] : ipItems(next)).map((i) => `${i.pk?.S}|${i.sk?.S}`));
    const staleIps = ipItems(previous).filter((i) => !keptIps.has(`${i.pk?.S}|${i.sk?.S}`));
    await batchWriteAll(
      client,
      tableName,
      staleIps.map((i) => ({ DeleteRequest: { Key: { pk: i.pk!, sk: i.sk! } } })),
    );
  }

  return {
    getTenant,

    async findTenantByDomain(domain) {
      const labels = normaliseDomain(domain).split('.').filter(Boolean).slice(-MAX_DOMAIN_LABELS);
      const candidates = labels.map((_, i) => labels.slice(i).join('.'));
      if (candidates.length === 0) return undefined;
      const claims = await batchGetAll(client, tableName, candidates.map(domainKey));
      const byDomain = new Map(claims.map((c) => [c.pk?.S?.slice('DOMAIN#'.length) ?? '', c]));
      // Longest suffix first: an exact registration beats a parent's includeSubdomains.
      for (const [position, candidate] of candidates.entries()) {
        const claim = byDomain.get(candidate);
        if (claim === undefined || (position > 0 && claim.includeSubdomains?.BOOL !== true)) continue;
        const tenant = await getTenant(claim.tenantId?.S ?? '');
        const accepted = tenant?.acceptedDomains.find((d) => normaliseDomain(d.domain) === candidate);
        // A claim whose tenant no longer lists the domain is a leftover of an interrupted update: ignore it.
        if (tenant === undefined || accepted === undefined) continue;
        if (position > 0 && !accepted.includeSubdomains) continue;
        return { tenant, accepted };
      }
      return undefined;
    },

    async findTenantsByIp(ip) {
      const bucket = bucketOfIp(ip);
      if (bucket === undefined) return [];
      const items = await queryAll({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': { S: bucket } },
      });
      const ids = items.filter((i) => cidrContains(i.cidr?.S ?? '', ip)).map((i) => i.tenantId?.S ?? '');
      if (ids.length === 0) return [];
      const tenants = await getTenants(ids);
      return tenants.filter((t) => t.dedicatedIps.some((range) => cidrContains(range, ip)));
    },

    async putTenant(tenant) {
      const ips = ipItems(tenant); // throws IpRangeError before anything is written
      const previous = await getTenant(tenant.tenantId);
      const previousDomains = new Set(previous?.acceptedDomains.map((d) => normaliseDomain(d.domain)) ?? []);
      const claimed: string[] = [];
      for (const accepted of tenant.acceptedDomains) {
        try {
          await claimDomain(tenant.tenantId, accepted);
          claimed.push(accepted.domain);
        } catch (error) {
          if (!(error instanceof ConditionalCheckFailedException)) throw error;
          for (const domain of claimed.filter((d) => !previousDomains.has(normaliseDomain(d)))) {
            await releaseDomain(tenant.tenantId, domain);
          }
          throw new TenantConflictError(`domain ${accepted.domain} already belongs to another tenant`);
        }
      }
      const clash = await ipConflict(tenant);
      if (clash !== undefined) {
        for (const domain of claimed.filter((d) => !previousDomains.has(normaliseDomain(d)))) {
          await releaseDomain(tenant.tenantId, domain);
        }
        throw new TenantConflictError(`dedicated IP ${clash}`);
      }
      await batchWriteAll(
        client,
        tableName,
        ips.map((Item) => ({ PutRequest: { Item } })),
      );
      await client.send(
        new PutItemCommand({
          TableName: tableName,
          Item: {
            ...profileKey(tenant.tenantId),
            [TENANT_LIST_INDEX.partitionKey]: { S: TENANT_LIST_PK },
            [TENANT_LIST_INDEX.sortKey]: { S: tenant.tenantId },
            data: { S: JSON.stringify(tenant) },
          },
        }),
      );
      if (previous !== undefined) await removeClaims(previous, tenant);
    },

    async deleteTenant(tenantId) {
      const previous = await getTenant(tenantId);
      if (previous === undefined) return;
      await client.send(new DeleteItemCommand({ TableName: tableName, Key: profileKey(tenantId) }));
      await removeClaims(previous, undefined);
    },

    async listTenants() {
      const items = await queryAll({
        TableName: tableName,
        IndexName: TENANT_LIST_INDEX.indexName,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': TENANT_LIST_INDEX.partitionKey },
        ExpressionAttributeValues: { ':pk': { S: TENANT_LIST_PK } },
      });
      return items.flatMap((item) => (item.data?.S === undefined ? [] : [JSON.parse(item.data.S) as Tenant]));
    },
  };
}
